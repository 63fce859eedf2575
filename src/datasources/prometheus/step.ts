/**
 * Query resolution for range queries, following Grafana's Prometheus data source: about one
 * point per pixel, a "nice" step, never finer than the scrape interval, and never more points
 * than Prometheus accepts.
 */

/** Prometheus rejects a range query with more points than this per series. */
export const MAX_POINTS_PER_SERIES = 11_000;
/** Grafana's default when the data source does not say how often it scrapes. */
export const DEFAULT_SCRAPE_INTERVAL_SEC = 15;

const NICE_STEPS_SEC = [
  1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10_800, 21_600, 43_200,
  86_400, 604_800, 2_592_000, 31_536_000,
];

/** The smallest nice step at least `rawSec`; rounding up keeps the point count under the budget. */
export function niceStep(rawSec: number): number {
  return NICE_STEPS_SEC.find((step) => step >= rawSec) ?? Math.ceil(rawSec);
}

export interface StepInput {
  /** Epoch ms. */
  start: number;
  /** Epoch ms. */
  end: number;
  /** Drawable width of the chart. */
  widthPx: number;
  /** A panel's own lower bound, in seconds (Grafana's "min interval"). */
  minStepSec?: number;
  /** Defaults to `DEFAULT_SCRAPE_INTERVAL_SEC`. */
  scrapeIntervalSec?: number;
  /** Pixels per point; 1 gives about one point per pixel. */
  pxPerPoint?: number;
}

/** Step for `query_range`, in seconds. */
export function computeStep({
  start,
  end,
  widthPx,
  minStepSec = 0,
  scrapeIntervalSec = DEFAULT_SCRAPE_INTERVAL_SEC,
  pxPerPoint = 1,
}: StepInput): number {
  const rangeSec = Math.max(0, (end - start) / 1000);
  const maxPoints = Number.isFinite(widthPx / pxPerPoint)
    ? Math.max(1, Math.floor(widthPx / pxPerPoint))
    : 1;
  return Math.max(
    niceStep(rangeSec / maxPoints),
    niceStep(rangeSec / MAX_POINTS_PER_SERIES),
    minStepSec,
    scrapeIntervalSec,
  );
}

/**
 * Grafana's `$__rate_interval`, in seconds: wide enough that `rate()` always sees at least four
 * scrapes, and never narrower than one step plus one scrape so no sample falls between windows.
 */
export function rateInterval(
  stepSec: number,
  scrapeIntervalSec: number = DEFAULT_SCRAPE_INTERVAL_SEC,
): number {
  return Math.max(stepSec + scrapeIntervalSec, 4 * scrapeIntervalSec);
}

const DURATION_UNITS: ReadonlyArray<[unit: string, ms: number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/** Seconds as a Prometheus duration: 90 → "1m30s", 0.25 → "250ms", 86400 → "1d". */
export function formatPromDuration(seconds: number): string {
  let restMs = Math.max(0, Math.round(seconds * 1000));
  if (restMs === 0) return '0s';
  let out = '';
  for (const [unit, size] of DURATION_UNITS) {
    const count = Math.floor(restMs / size);
    if (count > 0) {
      out += `${count}${unit}`;
      restMs -= count * size;
    }
  }
  return out;
}
