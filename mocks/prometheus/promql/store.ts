/** Where the evaluator reads series from: the simulator in the demo, hand-made data in tests. */
import type { LabelMatcher } from './ast';
import { matchesAll, type Labels } from './labels';

/** Samples of one series, oldest first; timestamps in milliseconds. */
export interface SampleBlock {
  readonly ts: Float64Array;
  readonly vs: Float64Array;
}

export interface StoredSeries {
  readonly labels: Labels;
  /** Samples with fromMs ≤ t ≤ toMs. */
  samples(fromMs: number, toMs: number): SampleBlock;
}

export interface SeriesStore {
  select(matchers: readonly LabelMatcher[]): readonly StoredSeries[];
}

export const EMPTY_BLOCK: SampleBlock = { ts: new Float64Array(0), vs: new Float64Array(0) };

/** Index of the first timestamp ≥ t (binary search). */
export function lowerBound(ts: Float64Array, t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first timestamp > t (binary search). */
export function upperBound(ts: Float64Array, t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface MemorySeries {
  readonly labels: Labels;
  /** [timestamp in ms, value] pairs in any order. */
  readonly samples: readonly (readonly [number, number])[];
}

/** A store over fixed samples, for tests and small fixtures. */
export function createMemoryStore(data: readonly MemorySeries[]): SeriesStore {
  const series: StoredSeries[] = data.map(({ labels, samples }) => {
    const sorted = [...samples].sort((a, b) => a[0] - b[0]);
    const ts = Float64Array.from(sorted, (s) => s[0]);
    const vs = Float64Array.from(sorted, (s) => s[1]);
    return {
      labels,
      samples(fromMs, toMs) {
        const lo = lowerBound(ts, fromMs);
        const hi = upperBound(ts, toMs);
        return { ts: ts.subarray(lo, hi), vs: vs.subarray(lo, hi) };
      },
    };
  });
  return { select: (matchers) => series.filter((s) => matchesAll(matchers, s.labels)) };
}
