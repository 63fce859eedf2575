/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, "Downsampling Time Series for
 * Visual Representation", 2013): keeps the first and last points and, from each bucket between
 * them, the point forming the largest triangle with the previously kept point and the average
 * of the next bucket. Unlike taking every n-th point, it keeps spikes and dips.
 *
 * Gaps: a point whose x or y is not a finite number (NaN, ±Infinity, null) is missing data.
 * Each stretch of missing points is kept as its first point, so a chart still breaks the line
 * there, and the valid stretches between gaps are downsampled separately, with the threshold
 * shared among them by length. Each stretch keeps at least its first and last point, so a series
 * with very many gaps may come back longer than `threshold`.
 *
 * Points must be sorted by x. Returns `points` itself when it has at most `threshold` points
 * or when `threshold` is below 3 (too few to keep both ends and anything between).
 */
export function lttb<T>(
  points: T[],
  threshold: number,
  x: (p: T) => number,
  y: (p: T) => number | null | undefined,
): T[] {
  const limit = Math.floor(threshold);
  if (!(limit >= 3) || points.length <= limit) return points;

  const xs = new Float64Array(points.length);
  const ys = new Float64Array(points.length);
  // A plain loop rather than forEach: this runs over every sample of every series (a million
  // for a busy chart) and is optimised sooner.
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as T;
    xs[i] = x(p);
    ys[i] = y(p) ?? Number.NaN;
  }
  const segments = splitAtGaps(xs, ys);
  const gapCount = segments.filter((s) => s.kind === 'gap').length;
  const runs = segments.filter((s): s is Run => s.kind === 'run');
  const budgets = shareBudget(
    runs.map((r) => r.end - r.start),
    limit - gapCount,
  );

  const kept: number[] = [];
  let runIndex = 0;
  for (const segment of segments) {
    if (segment.kind === 'gap') kept.push(segment.index);
    else downsampleRun(xs, ys, segment, budgets[runIndex++] ?? 0, kept);
  }
  return kept.map((i) => points[i] as T);
}

type Run = { kind: 'run'; start: number; end: number };
type Gap = { kind: 'gap'; index: number };

function splitAtGaps(xs: Float64Array, ys: Float64Array): Array<Run | Gap> {
  const segments: Array<Run | Gap> = [];
  let runStart = -1;
  for (let i = 0; i <= xs.length; i++) {
    const valid = i < xs.length && Number.isFinite(xs[i]) && Number.isFinite(ys[i]);
    if (valid) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) segments.push({ kind: 'run', start: runStart, end: i });
    const previousValid = i > 0 && runStart >= 0;
    if (i < xs.length && (i === 0 || previousValid)) segments.push({ kind: 'gap', index: i });
    runStart = -1;
  }
  return segments;
}

/** Splits `budget` among runs in proportion to their lengths (largest remainder). */
function shareBudget(lengths: number[], budget: number): number[] {
  const total = lengths.reduce((sum, n) => sum + n, 0);
  if (total <= budget) return lengths;
  const shares = lengths.map((n) => (budget * n) / total);
  const budgets = shares.map(Math.floor);
  let left = budget - budgets.reduce((sum, n) => sum + n, 0);
  const byRemainder = shares
    .map((share, i) => ({ i, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    budgets[i] = (budgets[i] ?? 0) + 1;
  }
  return budgets.map((b, i) => Math.min(lengths[i] ?? 0, Math.max(b, 2)));
}

function downsampleRun(
  xs: Float64Array,
  ys: Float64Array,
  { start, end }: Run,
  budget: number,
  kept: number[],
): void {
  const n = end - start;
  if (n <= budget) {
    for (let i = start; i < end; i++) kept.push(i);
    return;
  }
  kept.push(start);
  if (budget >= 3) {
    const every = (n - 2) / (budget - 2);
    let a = start;
    for (let bucket = 0; bucket < budget - 2; bucket++) {
      const nextStart = start + Math.floor((bucket + 1) * every) + 1;
      const nextEnd = Math.min(start + Math.floor((bucket + 2) * every) + 1, end);
      let avgX = 0;
      let avgY = 0;
      for (let j = nextStart; j < nextEnd; j++) {
        avgX += xs[j] ?? 0;
        avgY += ys[j] ?? 0;
      }
      avgX /= nextEnd - nextStart;
      avgY /= nextEnd - nextStart;

      const ax = xs[a] ?? 0;
      const ay = ys[a] ?? 0;
      const from = start + Math.floor(bucket * every) + 1;
      const to = start + Math.floor((bucket + 1) * every) + 1;
      let best = from;
      let bestArea = -1;
      for (let j = from; j < to; j++) {
        // Twice the triangle's area; the factor does not change which point wins.
        const area = Math.abs(
          (ax - avgX) * ((ys[j] ?? 0) - ay) - (ax - (xs[j] ?? 0)) * (avgY - ay),
        );
        if (area > bestArea) {
          bestArea = area;
          best = j;
        }
      }
      kept.push(best);
      a = best;
    }
  }
  if (n > 1) kept.push(end - 1);
}
