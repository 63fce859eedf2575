import { useQueryClient } from '@tanstack/react-query';
import { FramesMenu } from '@/components/panel/FramesMenu';
import { DataTable } from '@/components/panel/DataTable';
import { Panel } from '@/components/panel/Panel';
import { useConfig } from '@/config/ConfigContext';
import { formatValue } from '@/lib/format';
import { alignFrames, combinedFramesQueryOptions } from '@/query/prometheus/combinedQuery';
import { usePromPanelResolver } from '@/query/prometheus/panelQuery';
import {
  SATURATION_THRESHOLDS,
  saturationRows,
  type SaturationCell,
  type SaturationLevel,
  type SaturationRow,
} from '../saturation';
import { NO_SOURCE_TEXT, noQueryText, PanelNotice } from './PanelNotice';

const TITLE = 'Saturation now';
const PARTS = ['resources.cpu', 'resources.memory', 'resources.disk'] as const;
const pct = (v: number) => formatValue(v, 'percentunit');
const DESCRIPTION =
  `Used share per instance at the end of the range. Amber from ${pct(SATURATION_THRESHOLDS.warning)}, ` +
  `red from ${pct(SATURATION_THRESHOLDS.critical)}. Disk shows the fullest mount.`;

const LEVEL_CLASS: Record<SaturationLevel, string> = {
  ok: '',
  warning: 'font-semibold text-amber-700 dark:text-amber-300',
  critical: 'font-semibold text-red-700 dark:text-red-400',
};
const LEVEL_TEXT: Record<SaturationLevel, string> = {
  ok: '',
  warning: ' (high)',
  critical: ' (critical)',
};

function Value({ cell }: { cell: SaturationCell | null }) {
  if (!cell) return <span className="text-slate-400">–</span>;
  return (
    <span data-level={cell.level} className={LEVEL_CLASS[cell.level]}>
      {pct(cell.value)}
      <span className="sr-only">{LEVEL_TEXT[cell.level]}</span>
      {cell.detail && (
        <span className="ml-1 text-xs font-normal text-slate-500 dark:text-slate-400">
          {cell.detail}
        </span>
      )}
    </span>
  );
}

const column = (key: 'cpu' | 'memory' | 'disk', header: string) => ({
  key,
  header,
  align: 'right' as const,
  render: (r: SaturationRow) => <Value cell={r[key]} />,
  sortValue: (r: SaturationRow) => r[key]?.value ?? null,
});

/** Current CPU, memory and disk use per instance, coloured by threshold, busiest first. */
export function SaturationPanel({ className }: { className?: string }) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const resolve = usePromPanelResolver();
  const states = PARTS.map((id) => resolve(id, { widthPx: 600, instant: true }));
  if (states.some((s) => s.kind === 'no-source'))
    return <PanelNotice title={TITLE}>{NO_SOURCE_TEXT}</PanelNotice>;
  const ready = states.flatMap((s) => (s.kind === 'ready' ? [s.options] : []));
  if (ready.length === 0)
    return <PanelNotice title={TITLE}>{noQueryText(config.preset, PARTS)}</PanelNotice>;

  const rowsOf = (frames: Parameters<typeof alignFrames>[1]) => {
    const [cpu, memory, disk] = alignFrames(states, frames);
    return saturationRows({
      cpu: cpu?.series ?? [],
      memory: memory?.series ?? [],
      disk: disk?.series ?? [],
    });
  };

  return (
    <Panel
      className={className}
      title={TITLE}
      description={DESCRIPTION}
      query={combinedFramesQueryOptions(queryClient, 'resources-saturation', ready)}
      actions={(frames) => frames && <FramesMenu title={TITLE} frames={frames} />}
      isEmpty={(frames) => rowsOf(frames).length === 0}
      emptyMessage="No instance reported CPU, memory or disk use at the end of this time range."
    >
      {(frames) => (
        <div data-testid="saturation-summary">
          <DataTable
            caption={TITLE}
            rows={rowsOf(frames)}
            rowKey={(r) => r.instance}
            columns={[
              {
                key: 'instance',
                header: 'Instance',
                render: (r) => r.instance,
                sortValue: (r) => r.instance,
              },
              column('cpu', 'CPU'),
              column('memory', 'Memory'),
              column('disk', 'Disk'),
            ]}
          />
        </div>
      )}
    </Panel>
  );
}
