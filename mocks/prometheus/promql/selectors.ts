/** Reading series for every step at once: instant vector selectors and range windows. */
import type { MatrixSelector, VectorSelector } from './ast';
import type { Labels } from './labels';
import { EMPTY_BLOCK, type SampleBlock, type StoredSeries } from './store';
import { emptySeries, type StepSeries } from './values';

export interface EvalContext {
  /** Evaluation timestamps in milliseconds. */
  readonly steps: Float64Array;
  /** The outermost query's first and last step (for `@ start()` / `@ end()`). */
  readonly queryStartMs: number;
  readonly queryEndMs: number;
  readonly lookbackMs: number;
  readonly select: (selector: VectorSelector) => readonly StoredSeries[];
}

/** The timestamps a selector is read at: the steps, or one fixed time under `@`. */
export function stepsFor(selector: VectorSelector, ctx: EvalContext): Float64Array {
  if (selector.at === undefined) return ctx.steps;
  const at =
    selector.at === 'start'
      ? ctx.queryStartMs
      : selector.at === 'end'
        ? ctx.queryEndMs
        : selector.at;
  return new Float64Array(ctx.steps.length).fill(at);
}

/** One series' samples plus, for every step, the half-open index range [lo, hi) of its window. */
export interface WindowedSeries {
  readonly labels: Labels;
  readonly block: SampleBlock;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
}

/**
 * Fetches the samples under all steps' windows [t − offset − range, t − offset] (closed at both
 * ends, as in Prometheus 2.x). Overlapping windows are read once; disjoint ones separately, so a
 * month at a 1 h step with a 5 m range reads a few hours of samples, not the month.
 */
function readWindows(
  series: StoredSeries,
  steps: Float64Array,
  rangeMs: number,
  offsetMs: number,
): SampleBlock {
  if (steps.length === 0) return EMPTY_BLOCK;
  const segments: [number, number][] = [];
  for (const t of steps) {
    const start = t - offsetMs - rangeMs;
    const end = t - offsetMs;
    const last = segments[segments.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else segments.push([start, end]);
  }
  if (segments.length === 1) return series.samples(segments[0]![0], segments[0]![1]);
  const blocks = segments.map(([from, to]) => series.samples(from, to));
  const length = blocks.reduce((sum, b) => sum + b.ts.length, 0);
  const ts = new Float64Array(length);
  const vs = new Float64Array(length);
  let at = 0;
  for (const block of blocks) {
    ts.set(block.ts, at);
    vs.set(block.vs, at);
    at += block.ts.length;
  }
  return { ts, vs };
}

export function windowIndexes(
  block: SampleBlock,
  steps: Float64Array,
  rangeMs: number,
  offsetMs: number,
) {
  const lo = new Int32Array(steps.length);
  const hi = new Int32Array(steps.length);
  let a = 0;
  let b = 0;
  const { ts } = block;
  steps.forEach((t, i) => {
    const start = t - offsetMs - rangeMs;
    const end = t - offsetMs;
    while (a < ts.length && ts[a]! < start) a++;
    if (b < a) b = a;
    while (b < ts.length && ts[b]! <= end) b++;
    lo[i] = a;
    hi[i] = b;
  });
  return { lo, hi };
}

export function selectWindows(
  selector: VectorSelector,
  rangeMs: number,
  ctx: EvalContext,
): WindowedSeries[] {
  const steps = stepsFor(selector, ctx);
  // Series sampled on one grid share their window bounds; compute those once per grid.
  const indexes = new Map<Float64Array, { lo: Int32Array; hi: Int32Array }>();
  return ctx.select(selector).map((series) => {
    const block = readWindows(series, steps, rangeMs, selector.offsetMs);
    let bounds = indexes.get(block.ts);
    if (!bounds) {
      bounds = windowIndexes(block, steps, rangeMs, selector.offsetMs);
      indexes.set(block.ts, bounds);
    }
    return { labels: series.labels, block, ...bounds };
  });
}

export function selectMatrix(node: MatrixSelector, ctx: EvalContext): WindowedSeries[] {
  return selectWindows(node.selector, node.rangeMs, ctx);
}

/** The latest sample within the lookback window at each step. */
export function selectVector(selector: VectorSelector, ctx: EvalContext): StepSeries[] {
  return selectWindows(selector, ctx.lookbackMs, ctx).map((w) => {
    const out = emptySeries(w.labels, ctx.steps.length);
    for (let i = 0; i < ctx.steps.length; i++) {
      const last = w.hi[i]! - 1;
      if (last < w.lo[i]!) continue;
      out.values[i] = w.block.vs[last]!;
      out.present[i] = 1;
    }
    return out;
  });
}
