import { useQueryClient } from '@tanstack/react-query';
import { FramesMenu } from '@/components/panel/FramesMenu';
import { Panel } from '@/components/panel/Panel';
import { DataTable, type Column } from '@/components/panel/DataTable';
import { useConfig } from '@/config/ConfigContext';
import { toCsv } from '@/lib/csv';
import { clipText, formatValue, type Unit } from '@/lib/format';
import type { PanelId } from '@/config/presets';
import { usePromPanelResolver } from '@/query/prometheus/panelQuery';
import { joinAgentRows, type AgentFrames, type AgentRow } from '../agentRows';
import {
  settledFramesQueryOptions,
  type FramePart,
  type SettledFrames,
} from '@/query/prometheus/settledFrames';
import { UnpricedModels } from './UnpricedModels';

type Part = keyof AgentFrames;

const PARTS: ReadonlyArray<{ key: Part; label: string; id: PanelId; quantile?: string }> = [
  { key: 'requestRate', label: 'Req/s', id: 'agents.request-rate' },
  { key: 'successRatio', label: 'Success', id: 'agents.success-ratio' },
  { key: 'p50', label: 'p50', id: 'agents.latency-quantile', quantile: '0.5' },
  { key: 'p95', label: 'p95', id: 'agents.latency-quantile', quantile: '0.95' },
  { key: 'p99', label: 'p99', id: 'agents.latency-quantile', quantile: '0.99' },
  { key: 'tokens', label: 'Tokens and cost', id: 'agents.tokens-by-agent-model' },
];

// Not "Agents": the page's h1 already says that, and two such headings confuse screen readers and e2e locators.
const TITLE = 'Per-agent summary';

type Props = { selected: readonly string[]; onToggle: (agent: string) => void };

export function AgentTablePanel({ selected, onToggle }: Props) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const resolve = usePromPanelResolver();
  const states = PARTS.map((p) => ({
    ...p,
    state: resolve(p.id, {
      widthPx: 600,
      extraVariables: p.quantile ? { quantile: p.quantile } : undefined,
    }),
  }));

  if (states.some((s) => s.state.kind === 'no-source')) {
    return (
      <div className="panel p-3" data-panel={TITLE}>
        <h2 className="text-sm font-semibold">{TITLE}</h2>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          No Prometheus source is configured. Set datasources.prometheus.url in config.json, or open
          the demo with ?demo=1.
        </p>
      </div>
    );
  }

  const ready: Array<FramePart<Part>> = states.flatMap((s) =>
    s.state.kind === 'ready' ? [{ key: s.key, options: s.state.options }] : [],
  );
  const unanswerable = states.filter((s) => s.state.kind === 'no-query').map((s) => s.label);
  const labelOf = (key: Part) => PARTS.find((p) => p.key === key)?.label ?? key;
  const { successTarget, latencyObjectiveSeconds } = config.slo;

  const toRows = (data: SettledFrames<Part>): AgentRow[] => {
    const frames: AgentFrames = {};
    for (const p of PARTS) frames[p.key] = data.frames[p.key]?.series;
    return joinAgentRows(frames, config.prices);
  };

  const columns: Array<Column<AgentRow>> = [
    {
      key: 'agent',
      header: 'Agent',
      sortValue: (r) => r.agent,
      render: (r) =>
        r.agent === '' ? (
          <span className="text-slate-500 dark:text-slate-400">(no agent label)</span>
        ) : (
          <button
            type="button"
            className="font-medium text-sky-700 hover:underline dark:text-sky-300"
            aria-pressed={selected.includes(r.agent)}
            title={`Show ${clipText(r.agent)}'s operations, tokens and tool calls`}
            onClick={() => onToggle(r.agent)}
          >
            {clipText(r.agent)}
          </button>
        ),
    },
    numberColumn('reqPerSec', 'Req/s', 'reqps'),
    {
      ...numberColumn('successRatio', 'Success', 'percentunit'),
      render: (r) => (
        <span className={r.successRatio !== null && r.successRatio < successTarget ? BAD : ''}>
          {formatValue(r.successRatio, 'percentunit')}
        </span>
      ),
    },
    numberColumn('p50', 'p50', 's'),
    {
      ...numberColumn('p95', 'p95', 's'),
      render: (r) => (
        <span className={r.p95 !== null && r.p95 > latencyObjectiveSeconds ? WARN : ''}>
          {formatValue(r.p95, 's')}
        </span>
      ),
    },
    numberColumn('p99', 'p99', 's'),
    {
      ...numberColumn('tokens', 'Tokens', 'tokens'),
      render: (r) => (
        <span
          title={
            r.tokens === null
              ? undefined
              : `input ${formatValue(r.inputTokens, 'tokens')} · output ${formatValue(r.outputTokens, 'tokens')}`
          }
        >
          {formatValue(r.tokens, 'tokens')}
        </span>
      ),
    },
    {
      ...numberColumn('costUsd', 'Cost', 'currency'),
      render: (r) =>
        r.unpricedModels.length === 0 ? (
          formatValue(r.costUsd, 'currency')
        ) : (
          <span title={`Leaves out ${r.unpricedModels.join(', ')}: no price`}>
            {r.costUsd === null ? 'no price' : `${formatValue(r.costUsd, 'currency')} + ?`}
          </span>
        ),
    },
  ];

  return (
    <Panel
      title={TITLE}
      description="Per agent over the time range: average requests per second, task success rate, response-time percentiles, tokens and their cost."
      query={settledFramesQueryOptions(queryClient, 'agents-table', ready)}
      isEmpty={(data) => data.failures.length === 0 && toRows(data).length === 0}
      actions={(data) =>
        data && (
          <FramesMenu
            title={TITLE}
            frames={Object.values(data.frames).filter((f) => f !== undefined)}
            csv={() => toCsv(toRows(data))}
          />
        )
      }
    >
      {(data) => {
        const rows = toRows(data);
        const unpriced = [...new Set(rows.flatMap((r) => r.unpricedModels))].sort();
        return (
          <div data-testid="agents-table">
            {data.failures.map((f) => (
              <p
                key={f.key}
                role="alert"
                className="mb-1 rounded bg-red-50 px-2 py-1 text-xs text-red-800 dark:bg-red-950 dark:text-red-200"
              >
                {labelOf(f.key)} query failed: {f.message}
              </p>
            ))}
            {unanswerable.length > 0 && (
              <p className="mb-1 text-xs text-slate-500 dark:text-slate-400">
                The "{config.preset}" preset has no metric for: {unanswerable.join(', ')}.
              </p>
            )}
            <DataTable
              caption="Agents"
              columns={columns}
              rows={rows}
              rowKey={(r) => r.agent}
              initialSort={{ key: 'reqPerSec', dir: 'desc' }}
              selectedKey={selected.length === 1 ? selected[0] : null}
            />
            {unpriced.length > 0 && <UnpricedModels models={unpriced} />}
          </div>
        );
      }}
    </Panel>
  );
}

const BAD = 'font-medium text-red-700 dark:text-red-400';
const WARN = 'font-medium text-amber-700 dark:text-amber-400';

function numberColumn(
  key: 'reqPerSec' | 'successRatio' | 'p50' | 'p95' | 'p99' | 'tokens' | 'costUsd',
  header: string,
  unit: Unit,
): Column<AgentRow> {
  return {
    key,
    header,
    align: 'right',
    sortValue: (r) => r[key],
    render: (r) => formatValue(r[key], unit),
  };
}
