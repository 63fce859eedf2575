import { DataTable } from '@/components/panel/DataTable';
import { Panel } from '@/components/panel/Panel';
import { useConfig } from '@/config/ConfigContext';
import { formatValue } from '@/lib/format';
import { usePromPanel } from '@/query/prometheus/panelQuery';
import { usageByModel } from '../costs';
import { tokenUsages } from '../tokenUsage';
import { UnpricedModels } from './UnpricedModels';

type Props = { agents: readonly string[]; titleSuffix: string };

/** Tokens and cost per model and provider over the range, for the selected agents or all. */
export function ModelUsagePanel({ agents, titleSuffix }: Props) {
  const config = useConfig();
  const state = usePromPanel('agents.tokens-by-agent-model', { widthPx: 600 });
  const title = `Tokens and cost by model${titleSuffix}`;

  if (state.kind !== 'ready') {
    return (
      <div className="panel p-3" data-panel={title}>
        <h2 className="text-sm font-semibold">{title}</h2>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          {state.kind === 'no-source'
            ? 'No Prometheus source is configured.'
            : `The "${config.preset}" preset has no token metric. Set panels["agents.tokens-by-agent-model"].query in config.json.`}
        </p>
      </div>
    );
  }

  const rowsOf = (series: Parameters<typeof tokenUsages>[0]) =>
    usageByModel(tokenUsages(series), config.prices, agents);

  return (
    <Panel title={title} query={state.options} isEmpty={(f) => rowsOf(f.series).length === 0}>
      {(frame) => {
        const rows = rowsOf(frame.series);
        const unpriced = rows.filter((r) => r.costUsd === null).map((r) => r.model);
        return (
          <div data-testid="model-usage">
            <DataTable
              caption={title}
              rows={rows}
              rowKey={(r) => r.key}
              initialSort={{ key: 'cost', dir: 'desc' }}
              columns={[
                {
                  key: 'model',
                  header: 'Model',
                  render: (r) => r.model || '(no model)',
                  sortValue: (r) => r.model,
                },
                {
                  key: 'provider',
                  header: 'Provider',
                  render: (r) => r.provider || '–',
                  sortValue: (r) => r.provider,
                },
                {
                  key: 'input',
                  header: 'Input',
                  align: 'right',
                  render: (r) => formatValue(r.input, 'tokens'),
                  sortValue: (r) => r.input,
                },
                {
                  key: 'output',
                  header: 'Output',
                  align: 'right',
                  render: (r) => formatValue(r.output, 'tokens'),
                  sortValue: (r) => r.output,
                },
                {
                  key: 'total',
                  header: 'Total',
                  align: 'right',
                  render: (r) => formatValue(r.input + r.output, 'tokens'),
                  sortValue: (r) => r.input + r.output,
                },
                {
                  key: 'cost',
                  header: 'Cost',
                  align: 'right',
                  render: (r) =>
                    r.costUsd === null ? (
                      <span className="text-amber-800 dark:text-amber-300">no price</span>
                    ) : (
                      formatValue(r.costUsd, 'currency')
                    ),
                  sortValue: (r) => r.costUsd,
                },
              ]}
            />
            <UnpricedModels models={unpriced} />
          </div>
        );
      }}
    </Panel>
  );
}
