import { useQueryClient } from '@tanstack/react-query';
import { FramesMenu } from '@/components/panel/FramesMenu';
import { DataTable } from '@/components/panel/DataTable';
import { Panel } from '@/components/panel/Panel';
import { useConfig } from '@/config/ConfigContext';
import type { PromFrame } from '@/query/prometheus/panelQuery';
import { alignFrames, combinedFramesQueryOptions } from '@/query/prometheus/combinedQuery';
import { forecastRows, type ForecastRow } from '../forecast';
import { usePromPanelResolver } from '@/query/prometheus/panelQuery';
import { NO_SOURCE_TEXT, noQueryText, PanelNotice } from './PanelNotice';

const TITLE = 'Forecast: runs out';
const FORECASTS = ['resources.disk-hours-to-full', 'resources.memory-hours-to-exhaustion'] as const;
/** Usage panels name every disk and instance, including those a forecast leaves out for not shrinking. */
const USAGE = ['resources.disk', 'resources.memory'] as const;
const DAY_HOURS = 24;

function urgencyClass(row: ForecastRow): string {
  if (!row.withinHorizon) return 'text-slate-500 dark:text-slate-400';
  return (row.hours ?? 0) <= DAY_HOURS
    ? 'font-semibold text-red-700 dark:text-red-400'
    : 'font-semibold text-amber-700 dark:text-amber-300';
}

/** When each disk fills up and each instance runs out of memory, at the recent rate of decline. */
export function ForecastPanel({ className }: { className?: string }) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const resolve = usePromPanelResolver();
  const states = [...FORECASTS, ...USAGE].map((id) => resolve(id, { widthPx: 600, instant: true }));
  const [diskForecast, memoryForecast] = states;
  if (states.some((s) => s.kind === 'no-source'))
    return <PanelNotice title={TITLE}>{NO_SOURCE_TEXT}</PanelNotice>;
  if (diskForecast?.kind !== 'ready' && memoryForecast?.kind !== 'ready') {
    return <PanelNotice title={TITLE}>{noQueryText(config.preset, FORECASTS)}</PanelNotice>;
  }
  const ready = states.flatMap((s) => (s.kind === 'ready' ? [s.options] : []));
  const description = states
    .slice(0, FORECASTS.length)
    .flatMap((s) =>
      s.kind === 'ready' && s.def.description ? [`${s.def.title}: ${s.def.description}`] : [],
    )
    .join('\n');

  const rowsOf = (frames: PromFrame[]) => {
    const [disk, memory, diskUsage, memoryUsage] = alignFrames(states, frames);
    return forecastRows({
      diskForecast: disk?.series ?? [],
      memoryForecast: memory?.series ?? [],
      diskUsage: diskUsage?.series ?? [],
      memoryUsage: memoryUsage?.series ?? [],
    });
  };

  return (
    <Panel
      className={className}
      title={TITLE}
      description={description}
      query={combinedFramesQueryOptions(queryClient, 'resources-forecast', ready)}
      actions={(frames) => frames && <FramesMenu title={TITLE} frames={frames} />}
      isEmpty={(frames) => rowsOf(frames).length === 0}
      emptyMessage="No instance reported disk or memory use at the end of this time range."
    >
      {(frames) => (
        <div data-testid="resource-forecast">
          <DataTable
            caption={TITLE}
            rows={rowsOf(frames)}
            rowKey={(r) => r.key}
            columns={[
              {
                key: 'instance',
                header: 'Instance',
                render: (r) => r.instance,
                sortValue: (r) => r.instance,
              },
              {
                key: 'resource',
                header: 'Resource',
                render: (r) => r.resource,
                sortValue: (r) => r.resource,
              },
              {
                key: 'when',
                header: 'Runs out',
                align: 'right',
                render: (r) => <span className={urgencyClass(r)}>{r.text}</span>,
                sortValue: (r) => (r.withinHorizon ? r.hours : null),
              },
            ]}
          />
        </div>
      )}
    </Panel>
  );
}
