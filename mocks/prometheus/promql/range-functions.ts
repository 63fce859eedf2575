/** Functions over range vectors (`rate(x[5m])`, `avg_over_time(x[1h])`, …). */
import { dropMetricName } from './labels';
import { quantile } from './math';
import type { WindowedSeries } from './selectors';
import { emptySeries, type StepSeries } from './values';

export interface RangeArgs {
  readonly steps: Float64Array;
  readonly rangeMs: number;
  readonly offsetMs: number;
  /** Per-step scalar argument (predict_linear's horizon, quantile_over_time's φ). */
  readonly scalar?: Float64Array;
}

/** Value of the window [lo, hi) at step i, or undefined for no output at that step. */
type StepFn = (lo: number, hi: number, i: number) => number | undefined;

/** Prepares a function for one series (e.g. precomputing its counter resets). */
type WindowFn = (w: WindowedSeries, args: RangeArgs) => StepFn;

/**
 * Σ of values lost to counter resets up to each index, so any window's resets cost O(1);
 * undefined when the series never resets (the usual case).
 */
function resetCorrections(vs: Float64Array): Float64Array | undefined {
  let resets = false;
  for (let i = 1; i < vs.length && !resets; i++) resets = vs[i]! < vs[i - 1]!;
  if (!resets) return undefined;
  const out = new Float64Array(vs.length);
  for (let i = 1; i < vs.length; i++) {
    out[i] = out[i - 1]! + (vs[i]! < vs[i - 1]! ? vs[i - 1]! : 0);
  }
  return out;
}

/** Prometheus 2.x `extrapolatedRate`: extrapolates towards the window edges, never below zero. */
function extrapolated(isCounter: boolean, isRate: boolean): WindowFn {
  return ({ block: { ts, vs } }, args) => {
    const corrections = isCounter ? resetCorrections(vs) : undefined;
    return (lo, hi, i) => {
      const count = hi - lo;
      if (count < 2) return undefined;
      const first = lo;
      const last = hi - 1;
      let result = vs[last]! - vs[first]!;
      if (corrections) result += corrections[last]! - corrections[first]!;
      const rangeEnd = args.steps[i]! - args.offsetMs;
      const rangeStart = rangeEnd - args.rangeMs;
      let durationToStart = (ts[first]! - rangeStart) / 1000;
      let durationToEnd = (rangeEnd - ts[last]!) / 1000;
      const sampled = (ts[last]! - ts[first]!) / 1000;
      const average = sampled / (count - 1);
      const threshold = average * 1.1;
      if (durationToStart >= threshold) durationToStart = average / 2;
      if (isCounter && result > 0 && vs[first]! >= 0) {
        durationToStart = Math.min(durationToStart, sampled * (vs[first]! / result));
      }
      if (durationToEnd >= threshold) durationToEnd = average / 2;
      let factor = (sampled + durationToStart + durationToEnd) / sampled;
      if (isRate) factor /= args.rangeMs / 1000;
      return result * factor;
    };
  };
}

function instant(isRate: boolean): WindowFn {
  return ({ block: { ts, vs } }) =>
    (lo, hi) => {
      if (hi - lo < 2) return undefined;
      const last = vs[hi - 1]!;
      const previous = vs[hi - 2]!;
      if (!isRate) return last - previous;
      const result = last < previous ? last : last - previous;
      return result / ((ts[hi - 1]! - ts[hi - 2]!) / 1000);
    };
}

/** Least-squares slope and intercept at `interceptMs` (Prometheus' linearRegression). */
function linearRegression(
  ts: Float64Array,
  vs: Float64Array,
  lo: number,
  hi: number,
  interceptMs: number,
) {
  let constant = true;
  let sumX = 0;
  let sumY = 0;
  let sumXY = 0;
  let sumX2 = 0;
  for (let k = lo; k < hi; k++) {
    if (vs[k] !== vs[lo]) constant = false;
    const x = (ts[k]! - interceptMs) / 1000;
    sumX += x;
    sumY += vs[k]!;
    sumXY += x * vs[k]!;
    sumX2 += x * x;
  }
  if (constant) {
    return Number.isFinite(vs[lo]!)
      ? { slope: 0, intercept: vs[lo]! }
      : { slope: NaN, intercept: NaN };
  }
  const n = hi - lo;
  const slope = (sumXY - (sumX * sumY) / n) / (sumX2 - (sumX * sumX) / n);
  return { slope, intercept: sumY / n - (slope * sumX) / n };
}

function reduce(fn: (values: Float64Array) => number): WindowFn {
  return ({ block: { vs } }) =>
    (lo, hi) =>
      hi > lo ? fn(vs.subarray(lo, hi)) : undefined;
}

function variance(values: Float64Array): number {
  let mean = 0;
  values.forEach((v) => (mean += v));
  mean /= values.length;
  let sum = 0;
  values.forEach((v) => (sum += (v - mean) ** 2));
  return sum / values.length;
}

const RANGE_FUNCTIONS: Readonly<Record<string, WindowFn>> = {
  rate: extrapolated(true, true),
  increase: extrapolated(true, false),
  delta: extrapolated(false, false),
  irate: instant(true),
  idelta: instant(false),
  deriv:
    ({ block: { ts, vs } }) =>
    (lo, hi) =>
      hi - lo < 2 ? undefined : linearRegression(ts, vs, lo, hi, ts[lo]!).slope,
  predict_linear:
    ({ block: { ts, vs } }, args) =>
    (lo, hi, i) => {
      if (hi - lo < 2) return undefined;
      const { slope, intercept } = linearRegression(ts, vs, lo, hi, args.steps[i]!);
      return slope * args.scalar![i]! + intercept;
    },
  avg_over_time: reduce((v) => v.reduce((a, b) => a + b, 0) / v.length),
  sum_over_time: reduce((v) => v.reduce((a, b) => a + b, 0)),
  min_over_time: reduce((v) => v.reduce((a, b) => (b < a || Number.isNaN(a) ? b : a))),
  max_over_time: reduce((v) => v.reduce((a, b) => (b > a || Number.isNaN(a) ? b : a))),
  count_over_time: reduce((v) => v.length),
  last_over_time: reduce((v) => v[v.length - 1]!),
  present_over_time: reduce(() => 1),
  stdvar_over_time: reduce(variance),
  stddev_over_time: reduce((v) => Math.sqrt(variance(v))),
  quantile_over_time:
    ({ block: { vs } }, args) =>
    (lo, hi, i) =>
      hi > lo ? quantile(args.scalar![i]!, Array.from(vs.subarray(lo, hi))) : undefined,
  changes: reduce((v) => {
    let n = 0;
    for (let k = 1; k < v.length; k++) {
      if (v[k] !== v[k - 1] && !(Number.isNaN(v[k]!) && Number.isNaN(v[k - 1]!))) n++;
    }
    return n;
  }),
  resets: reduce((v) => {
    let n = 0;
    for (let k = 1; k < v.length; k++) if (v[k]! < v[k - 1]!) n++;
    return n;
  }),
};

export function isRangeFunction(name: string): boolean {
  return name in RANGE_FUNCTIONS;
}

export function applyRangeFunction(
  name: string,
  windows: readonly WindowedSeries[],
  args: RangeArgs,
): StepSeries[] {
  const prepare = RANGE_FUNCTIONS[name]!;
  const keepName = name === 'last_over_time';
  return windows.map((w) => {
    const out = emptySeries(keepName ? w.labels : dropMetricName(w.labels), args.steps.length);
    const fn = prepare(w, args);
    for (let i = 0; i < args.steps.length; i++) {
      const value = fn(w.lo[i]!, w.hi[i]!, i);
      if (value === undefined) continue;
      out.values[i] = value;
      out.present[i] = 1;
    }
    return out;
  });
}
