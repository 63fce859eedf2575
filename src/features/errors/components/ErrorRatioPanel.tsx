import { useMemo } from 'react';
import { DataTable } from '@/components/panel/DataTable';
import { TimeSeries } from '@/components/panel/TimeSeries';
import { useConfig } from '@/config/ConfigContext';
import { SPIKE_DETECTION_DEFAULTS } from '@/lib/anomaly';
import { MAX_SERIES, PresetPanel } from '@/components/panel/PresetPanel';
import { resolvePanel } from '@/config/presets';
import type { PromFrame } from '@/query/prometheus/panelQuery';
import { useTimeRange } from '@/state/urlState';
import {
  detectSeriesSpikes,
  hasEnoughPoints,
  MIN_POINTS_FOR_DETECTION,
  spikeMarkers,
  spikeRows,
  spikeSummary,
  type SpikeRow,
} from '../spikes';

const DETECTION_HINT =
  `A spike starts where the value rises more than ${SPIKE_DETECTION_DEFAULTS.threshold} robust standard deviations ` +
  `(median and MAD) above the last ${SPIKE_DETECTION_DEFAULTS.window} normal samples, and has recovered at the first ` +
  'sample back within half that distance. Only rises count.';

/** Error ratio over time, with spikes found in the browser marked on the chart and listed below it. */
export function ErrorRatioPanel({ className }: { className?: string }) {
  return (
    <PresetPanel
      id="errors.total-rate"
      className={className}
      render={(frame) => <ErrorRatioBody frame={frame} />}
    />
  );
}

function ErrorRatioBody({ frame }: { frame: PromFrame }) {
  const config = useConfig();
  const { range, tz } = useTimeRange();
  const { unit } = resolvePanel(config, 'errors.total-rate');
  const shown = useMemo(() => frame.series.slice(0, MAX_SERIES), [frame.series]);
  const spikes = useMemo(() => detectSeriesSpikes(shown), [shown]);
  const markers = useMemo(() => spikeMarkers(spikes, unit), [spikes, unit]);
  const rows = useMemo(() => spikeRows(spikes, { unit, tz }), [spikes, unit, tz]);
  const severalSeries = shown.length > 1;

  return (
    <div className="flex flex-col gap-3">
      <TimeSeries series={shown} unit={unit} tz={tz} range={range} markers={markers} />
      <div data-testid="error-spikes" className="flex flex-col gap-1">
        <h3
          className="text-xs font-semibold text-slate-600 dark:text-slate-300"
          title={DETECTION_HINT}
        >
          Spikes
        </h3>
        <p
          className="text-xs text-slate-500 dark:text-slate-400"
          data-testid="error-spikes-summary"
        >
          {hasEnoughPoints(shown)
            ? spikeSummary(spikes)
            : `Too few samples to look for spikes: at least ${MIN_POINTS_FOR_DETECTION} are needed. Widen the time range.`}
        </p>
        {rows.length > 0 && <SpikeTable rows={rows} withSeries={severalSeries} />}
      </div>
    </div>
  );
}

function SpikeTable({ rows, withSeries }: { rows: SpikeRow[]; withSeries: boolean }) {
  return (
    <DataTable
      caption="Error ratio spikes"
      rows={rows}
      rowKey={(r) => r.key}
      initialSort={{ key: 'start', dir: 'desc' }}
      columns={[
        ...(withSeries
          ? [
              {
                key: 'series',
                header: 'Series',
                render: (r: SpikeRow) => r.series,
                sortValue: (r: SpikeRow) => r.series,
              },
            ]
          : []),
        { key: 'start', header: 'Start', render: (r) => r.start, sortValue: (r) => r.startMs },
        {
          key: 'peak',
          header: 'Peak',
          align: 'right',
          render: (r) => r.peak,
          sortValue: (r) => r.peakValue,
        },
        {
          key: 'duration',
          header: 'Duration',
          align: 'right',
          render: (r) => r.duration,
          sortValue: (r) => r.durationMs,
        },
        {
          key: 'recover',
          header: 'Time to recover',
          align: 'right',
          render: (r) =>
            r.timeToRecoverMs === null ? (
              <span className="font-medium text-red-700 dark:text-red-400">{r.timeToRecover}</span>
            ) : (
              r.timeToRecover
            ),
          sortValue: (r) => r.timeToRecoverMs,
        },
      ]}
    />
  );
}
