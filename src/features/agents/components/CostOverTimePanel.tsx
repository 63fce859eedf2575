import { useRef, useState } from 'react';
import { Panel } from '@/components/panel/Panel';
import { TimeSeries } from '@/components/panel/TimeSeries';
import { useElementWidth } from '@/components/panel/useElementWidth';
import { useConfig } from '@/config/ConfigContext';
import { usePromPanel } from '@/query/prometheus/panelQuery';
import { useTimeRange } from '@/state/urlState';
import { costRateSeries, type CostGrouping } from '../costs';
import { UnpricedModels } from './UnpricedModels';

const GROUPINGS: ReadonlyArray<{ value: CostGrouping; label: string }> = [
  { value: 'provider', label: 'By provider' },
  { value: 'model', label: 'By model' },
];

/**
 * Spend over time, computed in the browser from the token-rate panel's query (the same
 * request, from the cache) and the price table, so it needs no cost metric on the backend.
 */
export function CostOverTimePanel({ titleSuffix }: { titleSuffix: string }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(containerRef, 600);
  const state = usePromPanel('agents.tokens-over-time', { widthPx: width });
  const config = useConfig();
  const { range, tz } = useTimeRange();
  const [groupBy, setGroupBy] = useState<CostGrouping>('provider');
  const title = `Cost per hour (USD)${titleSuffix}`;

  if (state.kind !== 'ready') {
    return (
      <div ref={containerRef} className="panel p-3" data-panel={title}>
        <h2 className="text-sm font-semibold">{title}</h2>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          {state.kind === 'no-source'
            ? 'No Prometheus source is configured.'
            : 'Needs the token-rate panel, which this preset cannot answer. Set panels["agents.tokens-over-time"].query in config.json.'}
        </p>
      </div>
    );
  }

  return (
    <div ref={containerRef} className="flex min-w-0">
      <Panel
        className="w-full"
        title={title}
        description="Token rate × price per token, from the price table (config.json prices override the defaults)."
        query={state.options}
        isEmpty={(f) => f.series.every((s) => s.points.length === 0)}
        actions={() => (
          <div role="group" aria-label="Group cost" className="flex gap-1">
            {GROUPINGS.map((g) => (
              <button
                key={g.value}
                type="button"
                className="btn"
                aria-pressed={groupBy === g.value}
                onClick={() => setGroupBy(g.value)}
              >
                {g.label}
              </button>
            ))}
          </div>
        )}
      >
        {(frame) => {
          const { series, unpricedModels } = costRateSeries(frame.series, config.prices, groupBy);
          return (
            <div data-testid="cost-over-time">
              {series.length === 0 ? (
                <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">
                  No priced tokens in this time range.
                </p>
              ) : (
                <TimeSeries series={series} unit="currency" tz={tz} range={range} />
              )}
              <UnpricedModels models={unpricedModels} />
            </div>
          );
        }}
      </Panel>
    </div>
  );
}
