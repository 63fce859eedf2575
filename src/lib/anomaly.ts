export type Spike = {
  /** Time of the first anomalous point. */
  start: number;
  /** Time of the last point still above the recovery band. */
  end: number;
  /** Highest value during the spike, and when it was reached (first occurrence). */
  peak: number;
  peakAt: number;
  /** Time of the first point back within the baseline band, or null if none came yet. */
  recoveredAt: number | null;
  /** recoveredAt − start, or null while the spike has not recovered. */
  timeToRecoverMs: number | null;
};

export type DetectSpikesOptions = {
  /** How many recent normal points form the baseline (default 30, at least 3). */
  window?: number;
  /** Robust z-score above which a point is anomalous (default 3.5). */
  threshold?: number;
  /**
   * Smallest spread the baseline is given, in the series' own units (default 0.001). A flat
   * baseline has a MAD of 0, which would make any change at all infinitely anomalous.
   */
  minScale?: number;
  /** Robust z-score at or below which a spike has recovered (default threshold / 2). */
  recoveryThreshold?: number;
};

export const SPIKE_DETECTION_DEFAULTS = { window: 30, threshold: 3.5, minScale: 0.001 } as const;

/** Φ⁻¹(0.75): makes the MAD of normally distributed data comparable to its standard deviation. */
const MAD_TO_SIGMA = 0.6745;

/**
 * Finds upward spikes in a series such as an error rate, from the data alone.
 *
 * Each point is compared with a baseline: the last `window` points that were not part of a
 * spike. Its robust z-score is `0.6745 · (value − median) / max(MAD, minScale)`, where MAD is
 * the median absolute deviation of the baseline (Iglewicz & Hoaglin). Median and MAD, unlike
 * mean and standard deviation, are barely moved by the outliers being looked for.
 *
 * - A spike starts at the first point whose z-score exceeds `threshold`.
 * - It continues while points stay above `recoveryThreshold` (hysteresis, so a value wavering
 *   around the threshold is one spike rather than several), and ends at the last such point.
 * - It has recovered at the next point at or below `recoveryThreshold`; a series that ends
 *   during a spike leaves it unrecovered (`recoveredAt: null`).
 * - Points inside a spike never enter the baseline, so a lasting step up stays one open spike
 *   instead of becoming the new normal.
 * - Only increases count: a drop in an error rate is good news, not an incident.
 * - Points before the baseline holds max(3, ⌈window / 2⌉) values are not judged.
 * - Points whose time or value is not a finite number are skipped; input need not be sorted.
 *
 * Throws a RangeError for options outside their ranges (a programming error, not bad data).
 */
export function detectSpikes(
  points: ReadonlyArray<{ t: number; v: number }>,
  opts: DetectSpikesOptions = {},
): Spike[] {
  const { window, threshold, minScale, recoveryThreshold } = checkOptions(opts);
  const series = points
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v))
    .sort((a, b) => a.t - b.t);
  const minHistory = Math.max(3, Math.ceil(window / 2));

  const spikes: Spike[] = [];
  const baseline: number[] = [];
  let open: Omit<Spike, 'recoveredAt' | 'timeToRecoverMs'> | null = null;

  const addToBaseline = (v: number) => {
    baseline.push(v);
    if (baseline.length > window) baseline.shift();
  };

  for (const { t, v } of series) {
    if (baseline.length < minHistory) {
      addToBaseline(v);
      continue;
    }
    const z = robustZ(v, baseline, minScale);
    if (open) {
      if (z > recoveryThreshold) {
        open.end = t;
        if (v > open.peak) {
          open.peak = v;
          open.peakAt = t;
        }
        continue;
      }
      spikes.push({ ...open, recoveredAt: t, timeToRecoverMs: t - open.start });
      open = null;
      addToBaseline(v);
    } else if (z > threshold) {
      open = { start: t, end: t, peak: v, peakAt: t };
    } else {
      addToBaseline(v);
    }
  }
  if (open) spikes.push({ ...open, recoveredAt: null, timeToRecoverMs: null });
  return spikes;
}

function robustZ(value: number, baseline: readonly number[], minScale: number): number {
  const center = median(baseline);
  const mad = median(baseline.map((b) => Math.abs(b - center)));
  return (MAD_TO_SIGMA * (value - center)) / Math.max(mad, minScale);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

function checkOptions(opts: DetectSpikesOptions): Required<DetectSpikesOptions> {
  const window = opts.window ?? SPIKE_DETECTION_DEFAULTS.window;
  const threshold = opts.threshold ?? SPIKE_DETECTION_DEFAULTS.threshold;
  const minScale = opts.minScale ?? SPIKE_DETECTION_DEFAULTS.minScale;
  const recoveryThreshold = opts.recoveryThreshold ?? threshold / 2;
  if (!Number.isInteger(window) || window < 3) {
    throw new RangeError(`window must be a whole number of at least 3, got ${window}`);
  }
  if (!(threshold > 0) || !Number.isFinite(threshold)) {
    throw new RangeError(`threshold must be a positive number, got ${threshold}`);
  }
  if (!(minScale > 0) || !Number.isFinite(minScale)) {
    throw new RangeError(`minScale must be a positive number, got ${minScale}`);
  }
  if (!(recoveryThreshold >= 0) || recoveryThreshold > threshold) {
    throw new RangeError(
      `recoveryThreshold must be between 0 and threshold (${threshold}), got ${recoveryThreshold}`,
    );
  }
  return { window, threshold, minScale, recoveryThreshold };
}
