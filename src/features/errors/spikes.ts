import { detectSpikes, SPIKE_DETECTION_DEFAULTS, type Spike } from '@/lib/anomaly';
import { formatDuration, formatValue, type Unit } from '@/lib/format';
import { formatTimestamp, type TimeZoneMode } from '@/lib/time';
import type { FrameSeries } from '@/query/prometheus/frames';

/**
 * The detector judges a point only once its baseline holds max(3, ⌈window / 2⌉) values, so a
 * series needs one more point than that before any spike can be found.
 */
export const MIN_POINTS_FOR_DETECTION =
  Math.max(3, Math.ceil(SPIKE_DETECTION_DEFAULTS.window / 2)) + 1;

export type SeriesSpike = Spike & {
  seriesId: string;
  seriesName: string;
  /** The series' sample spacing: each anomalous sample stands for this much time. */
  intervalMs: number;
};

/** Smallest gap between consecutive timestamps, i.e. the query step; 0 for fewer than two. */
export function sampleIntervalMs(points: ReadonlyArray<readonly [number, number]>): number {
  const times = points.map(([t]) => t).sort((a, b) => a - b);
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] ?? 0) - (times[i - 1] ?? 0);
    if (gap > 0 && gap < smallest) smallest = gap;
  }
  return Number.isFinite(smallest) ? smallest : 0;
}

/** Upward spikes in every series, oldest first. */
export function detectSeriesSpikes(series: readonly FrameSeries[]): SeriesSpike[] {
  return series
    .flatMap((s) => {
      const intervalMs = sampleIntervalMs(s.points);
      return detectSpikes(s.points.map(([t, v]) => ({ t, v }))).map((spike) => ({
        ...spike,
        seriesId: s.id,
        seriesName: s.name,
        intervalMs,
      }));
    })
    .sort((a, b) => a.start - b.start);
}

/** Whether any series has enough samples for the detector to judge at least one point. */
export function hasEnoughPoints(series: readonly FrameSeries[]): boolean {
  return series.some(
    (s) => s.points.filter(([, v]) => Number.isFinite(v)).length >= MIN_POINTS_FOR_DETECTION,
  );
}

export function formatTimeToRecover(ms: number | null): string {
  return ms === null ? 'not recovered' : formatDuration(ms);
}

/** How long the value stayed anomalous: from the first to the last anomalous sample, inclusive. */
export function spikeDurationMs(spike: Pick<SeriesSpike, 'start' | 'end' | 'intervalMs'>): number {
  return spike.end - spike.start + spike.intervalMs;
}

export type SpikeRow = {
  key: string;
  series: string;
  startMs: number;
  start: string;
  peakValue: number;
  peak: string;
  durationMs: number;
  duration: string;
  timeToRecoverMs: number | null;
  timeToRecover: string;
};

/** One table row per spike, with every cell already formatted for display. */
export function spikeRows(
  spikes: readonly SeriesSpike[],
  opts: { unit: Unit; tz: TimeZoneMode },
): SpikeRow[] {
  return spikes.map((spike) => {
    const durationMs = spikeDurationMs(spike);
    return {
      key: `${spike.seriesId}@${spike.start}`,
      series: spike.seriesName,
      startMs: spike.start,
      start: formatTimestamp(spike.start, opts.tz),
      peakValue: spike.peak,
      peak: formatValue(spike.peak, opts.unit),
      durationMs,
      // An open spike's duration is only how long it has lasted so far.
      duration:
        spike.recoveredAt === null
          ? `${formatDuration(durationMs)} so far`
          : formatDuration(durationMs),
      timeToRecoverMs: spike.timeToRecoverMs,
      timeToRecover: formatTimeToRecover(spike.timeToRecoverMs),
    };
  });
}

export type SpikeMarker = { t: number; label: string; end: number };

/** Chart markers: a line where each spike starts, shading until it recovered (or its last sample). */
export function spikeMarkers(spikes: readonly SeriesSpike[], unit: Unit): SpikeMarker[] {
  return spikes.map((spike) => ({
    t: spike.start,
    label: `Spike, peak ${formatValue(spike.peak, unit)}`,
    end: spike.recoveredAt ?? spike.end,
  }));
}

/** "2 spikes, 1 not recovered" */
export function spikeSummary(spikes: readonly SeriesSpike[]): string {
  if (spikes.length === 0) return 'No spikes detected in this time range.';
  const open = spikes.filter((s) => s.recoveredAt === null).length;
  const count = `${spikes.length} ${spikes.length === 1 ? 'spike' : 'spikes'} detected`;
  return open === 0 ? `${count}, all recovered` : `${count}, ${open} not recovered`;
}
