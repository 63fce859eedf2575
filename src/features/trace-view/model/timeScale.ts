import { formatDuration } from '@/lib/format';

/** Position of a bar in the timeline column, in percent of the trace's duration. */
export interface BarGeometry {
  leftPct: number;
  widthPct: number;
}

/** Bars shorter than this still show as a sliver. */
const MIN_WIDTH_PCT = 0.15;

export function barGeometry(startUs: number, durationUs: number, totalUs: number): BarGeometry {
  if (totalUs <= 0) return { leftPct: 0, widthPct: 100 };
  const leftPct = Math.min(100, Math.max(0, (startUs / totalUs) * 100));
  const widthPct = Math.max(MIN_WIDTH_PCT, Math.min(100 - leftPct, (durationUs / totalUs) * 100));
  return { leftPct, widthPct };
}

/** Tick step from the 1-2-5 series giving at most `maxTicks` intervals. */
export function tickStep(totalUs: number, maxTicks = 5): number {
  if (totalUs <= 0) return 1;
  const raw = totalUs / Math.max(1, maxTicks);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) {
    if (m * magnitude >= raw) return m * magnitude;
  }
  return 10 * magnitude;
}

export interface Tick {
  us: number;
  pct: number;
  label: string;
}

/** Ticks at round offsets from the trace start, labelled as durations. */
export function ticks(totalUs: number, maxTicks = 5): Tick[] {
  const step = tickStep(totalUs, maxTicks);
  const out: Tick[] = [];
  for (let us = 0; us <= totalUs + step * 1e-9; us += step) {
    out.push({ us, pct: totalUs > 0 ? (us / totalUs) * 100 : 0, label: formatUs(us) });
  }
  return out;
}

/** A duration in microseconds, as people read it: "340 µs", "12.3 ms", "1.2 s". */
export function formatUs(us: number): string {
  return formatDuration(us / 1000);
}
