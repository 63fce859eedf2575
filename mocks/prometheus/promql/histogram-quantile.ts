/** histogram_quantile over classic (`le`-labelled) buckets, following Prometheus' bucketQuantile. */
import { dropMetricName, labelsKey, withoutLabels, type Labels } from './labels';
import { emptySeries, mergeByLabels, type StepSeries } from './values';

export interface Bucket {
  readonly upperBound: number;
  readonly count: number;
}

/** Parses an `le` value as Go's strconv.ParseFloat would (accepting +Inf). */
function parseBound(le: string | undefined): number | undefined {
  if (le === undefined || le.trim() === '') return undefined;
  if (/^[+]?inf(inity)?$/i.test(le)) return Infinity;
  if (/^-inf(inity)?$/i.test(le)) return -Infinity;
  const value = Number(le);
  return Number.isNaN(value) ? undefined : value;
}

/**
 * The quantile of n buckets already sorted by bound. Equal bounds are merged and counts forced
 * to be monotonic first, as Prometheus does; `bounds` and `counts` are scratch space.
 */
function sortedBucketQuantile(
  q: number,
  bounds: Float64Array,
  counts: Float64Array,
  n: number,
): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  if (n === 0 || bounds[n - 1] !== Infinity) return NaN;
  let size = 0;
  for (let i = 0; i < n; i++) {
    if (size > 0 && bounds[size - 1] === bounds[i]) {
      counts[size - 1] = counts[size - 1]! + counts[i]!;
    } else {
      bounds[size] = bounds[i]!;
      counts[size] = counts[i]!;
      size++;
    }
  }
  for (let i = 1; i < size; i++) if (counts[i]! < counts[i - 1]!) counts[i] = counts[i - 1]!;
  if (size < 2) return NaN;
  const observations = counts[size - 1]!;
  if (observations === 0 || Number.isNaN(observations)) return NaN;
  let rank = q * observations;
  let b = 0;
  while (b < size - 1 && counts[b]! < rank) b++;
  if (b === size - 1) return bounds[size - 2]!;
  if (b === 0 && bounds[0]! <= 0) return bounds[0]!;
  let bucketStart = 0;
  let count = counts[b]!;
  if (b > 0) {
    bucketStart = bounds[b - 1]!;
    count -= counts[b - 1]!;
    rank -= counts[b - 1]!;
  }
  return bucketStart + (bounds[b]! - bucketStart) * (rank / count);
}

export function bucketQuantile(q: number, buckets: readonly Bucket[]): number {
  const sorted = [...buckets].sort((a, b) => a.upperBound - b.upperBound);
  const bounds = Float64Array.from(sorted, (b) => b.upperBound);
  const counts = Float64Array.from(sorted, (b) => b.count);
  return sortedBucketQuantile(q, bounds, counts, sorted.length);
}

interface Member {
  readonly bound: number;
  readonly series: StepSeries;
}

export function histogramQuantile(q: Float64Array, input: readonly StepSeries[]): StepSeries[] {
  const groups = new Map<string, { labels: Labels; members: Member[] }>();
  for (const series of input) {
    const bound = parseBound(series.labels.le);
    if (bound === undefined) continue;
    const rest = withoutLabels(series.labels, ['le']);
    const key = labelsKey(rest);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { labels: dropMetricName(rest), members: [] }));
    group.members.push({ bound, series });
  }
  const steps = q.length;
  const out: StepSeries[] = [];
  for (const { labels, members } of groups.values()) {
    members.sort((a, b) => a.bound - b.bound);
    const bounds = new Float64Array(members.length);
    const counts = new Float64Array(members.length);
    const result = emptySeries(labels, steps);
    for (let i = 0; i < steps; i++) {
      let n = 0;
      for (const { bound, series } of members) {
        if (!series.present[i]) continue;
        bounds[n] = bound;
        counts[n] = series.values[i]!;
        n++;
      }
      if (n === 0) continue;
      result.values[i] = sortedBucketQuantile(q[i]!, bounds, counts, n);
      result.present[i] = 1;
    }
    out.push(result);
  }
  return mergeByLabels(out);
}
