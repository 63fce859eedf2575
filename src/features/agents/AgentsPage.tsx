import { LabelValuePicker } from '@/components/controls/LabelValuePicker';
import { useConfig } from '@/config/ConfigContext';
import { PresetPanel } from '@/components/panel/PresetPanel';
import { resolvePanel, type PanelId } from '@/config/presets';
import { useVariableSelection } from './hooks/useVariableSelection';
import { AgentTablePanel } from './components/AgentTablePanel';
import { CostOverTimePanel } from './components/CostOverTimePanel';
import { ModelUsagePanel } from './components/ModelUsagePanel';
import { ToolCallsPanel } from './components/ToolCallsPanel';

export default function AgentsPage() {
  const config = useConfig();
  const { selected, select, clear } = useVariableSelection('agent');
  const models = useVariableSelection('model');
  const scope = selected.length > 0 ? selected.join(', ') : 'all agents';
  const suffix = ` · ${scope}`;
  // Token and cost charts also follow the model picked (`$model` in their queries).
  const tokenSuffix =
    models.selected.length > 0 ? `${suffix} · ${models.selected.join(', ')}` : suffix;
  const titleOf = (id: PanelId, scopeSuffix = suffix) =>
    `${resolvePanel(config, id).title}${scopeSuffix}`;
  const toggle = (agent: string) =>
    selected.length === 1 && selected[0] === agent ? clear() : select(agent);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h1 className="text-lg font-semibold">Agents</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Which agent, operation or model is slow, failing or expensive?
        </p>
      </div>

      <AgentTablePanel selected={selected} onToggle={toggle} />

      <div
        className="flex flex-wrap items-center gap-2 text-sm"
        data-testid="agent-scope"
        aria-live="polite"
      >
        {selected.length > 0 ? (
          <>
            <span>
              Showing: <strong>{scope}</strong> ·
            </span>{' '}
            <button
              type="button"
              className="text-sky-700 hover:underline dark:text-sky-300"
              onClick={clear}
            >
              clear
            </button>
          </>
        ) : (
          <span className="text-slate-600 dark:text-slate-300">
            Showing: all agents · pick an agent in the table to narrow the charts below
          </span>
        )}
      </div>

      <div className="flex flex-wrap items-end gap-x-6 gap-y-2">
        <LabelValuePicker label="agent" title="Find an agent" onPick={select} />
        <LabelValuePicker
          label="gen_ai_request_model"
          title="Find a model"
          onPick={models.select}
        />
        {models.selected.length > 0 && (
          <p className="text-sm" data-testid="model-scope" aria-live="polite">
            Tokens and cost of model <strong>{models.selected.join(', ')}</strong> ·{' '}
            <button
              type="button"
              className="text-sky-700 hover:underline dark:text-sky-300"
              onClick={models.clear}
            >
              all models
            </button>
          </p>
        )}
      </div>

      <div className="grid gap-3 lg:grid-cols-2">
        <PresetPanel id="agents.operation-rate" title={titleOf('agents.operation-rate')} />
        <PresetPanel id="agents.operation-p95" title={titleOf('agents.operation-p95')} />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <PresetPanel
          id="agents.tokens-over-time"
          title={titleOf('agents.tokens-over-time', tokenSuffix)}
        />
        <CostOverTimePanel titleSuffix={tokenSuffix} />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <ModelUsagePanel agents={selected} titleSuffix={suffix} />
        <ToolCallsPanel title={titleOf('agents.tool-calls')} />
      </div>
    </div>
  );
}
