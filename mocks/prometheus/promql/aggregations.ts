/** Aggregation operators (sum, avg, topk, quantile, count_values, …) with by/without. */
import type { Aggregate } from './ast';
import { formatSampleValue } from './format';
import {
  keepLabels,
  labelsKey,
  METRIC_NAME,
  withLabel,
  withoutLabels,
  type Labels,
} from './labels';
import { quantile } from './math';
import { emptySeries, mergeByLabels, type StepSeries } from './values';

interface Group {
  readonly labels: Labels;
  readonly members: StepSeries[];
}

function groupSeries(node: Aggregate, input: readonly StepSeries[]): Group[] {
  const groups = new Map<string, Group>();
  for (const s of input) {
    const labels = node.without
      ? withoutLabels(s.labels, [...node.grouping, METRIC_NAME])
      : keepLabels(s.labels, node.grouping);
    const key = labelsKey(labels);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { labels, members: [] }));
    group.members.push(s);
  }
  return [...groups.values()];
}

type Reducer = (values: number[], param: number) => number;

const REDUCERS: Readonly<Record<string, Reducer>> = {
  sum: (v) => v.reduce((a, b) => a + b, 0),
  avg: (v) => v.reduce((a, b) => a + b, 0) / v.length,
  count: (v) => v.length,
  group: () => 1,
  // A NaN is replaced by any number, as Prometheus' min/max do.
  min: (v) => v.reduce((a, b) => (b < a || Number.isNaN(a) ? b : a)),
  max: (v) => v.reduce((a, b) => (b > a || Number.isNaN(a) ? b : a)),
  stdvar: (v) => variance(v),
  stddev: (v) => Math.sqrt(variance(v)),
  quantile: (v, q) => quantile(q, v),
};

function variance(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
}

export function aggregate(
  node: Aggregate,
  input: readonly StepSeries[],
  param: Float64Array | string | undefined,
  steps: number,
): StepSeries[] {
  const groups = groupSeries(node, input);
  if (node.op === 'topk' || node.op === 'bottomk') {
    return selectK(node.op, groups, param as Float64Array, steps);
  }
  if (node.op === 'count_values') return countValues(groups, param as string, steps);
  const op = node.op;
  if (op === 'sum' || op === 'avg' || op === 'count') {
    return groups.map((group) => sumGroup(group, op, steps));
  }
  const reduce = REDUCERS[node.op]!;
  const scalars = param instanceof Float64Array ? param : undefined;
  return groups.map((group) => {
    const out = emptySeries(group.labels, steps);
    const values: number[] = [];
    for (let i = 0; i < steps; i++) {
      values.length = 0;
      for (const s of group.members) if (s.present[i]) values.push(s.values[i]!);
      if (values.length === 0) continue;
      out.values[i] = reduce(values, scalars?.[i] ?? NaN);
      out.present[i] = 1;
    }
    return out;
  });
}

/** sum, avg and count series by series (the common case, kept allocation-free). */
function sumGroup(group: Group, op: 'sum' | 'avg' | 'count', steps: number): StepSeries {
  const out = emptySeries(group.labels, steps);
  const counts = new Float64Array(steps);
  for (const s of group.members) {
    for (let i = 0; i < steps; i++) {
      if (!s.present[i]) continue;
      out.values[i] = out.values[i]! + s.values[i]!;
      counts[i] = counts[i]! + 1;
      out.present[i] = 1;
    }
  }
  if (op === 'count') out.values.set(counts);
  if (op === 'avg') for (let i = 0; i < steps; i++) out.values[i] = out.values[i]! / counts[i]!;
  return out;
}

/**
 * topk/bottomk keep the chosen input series as they are, step by step. The selection replays
 * Prometheus' heap (Go's container/heap, pop then push), so ties are broken the same way.
 */
function selectK(
  op: 'topk' | 'bottomk',
  groups: Group[],
  k: Float64Array,
  steps: number,
): StepSeries[] {
  const chosen = new Map<StepSeries, StepSeries>();
  for (const group of groups) {
    for (let i = 0; i < steps; i++) {
      const count = Math.trunc(k[i]!);
      if (!(count >= 1)) continue;
      // The root is the element to evict first: the smallest for topk, the largest for bottomk.
      const heap = new GoHeap<StepSeries>((a, b) => {
        const [x, y] = [a.values[i]!, b.values[i]!];
        return Number.isNaN(x) || (op === 'topk' ? x < y : x > y);
      });
      for (const s of group.members) {
        if (!s.present[i]) continue;
        const root = heap.items[0]?.values[i];
        const evicts =
          root !== undefined &&
          (Number.isNaN(root) || (op === 'topk' ? root < s.values[i]! : root > s.values[i]!));
        if (heap.items.length < count || evicts) {
          if (heap.items.length === count) {
            if (count === 1) {
              heap.items[0] = s;
              continue;
            }
            heap.pop();
          }
          heap.push(s);
        }
      }
      for (const s of heap.items) {
        let out = chosen.get(s);
        if (!out) chosen.set(s, (out = emptySeries(s.labels, steps)));
        out.values[i] = s.values[i]!;
        out.present[i] = 1;
      }
    }
  }
  return [...chosen.values()];
}

/** A binary heap with the exact sift order of Go's container/heap. */
class GoHeap<T> {
  readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => boolean) {}

  push(item: T): void {
    this.items.push(item);
    this.up(this.items.length - 1);
  }

  pop(): void {
    const last = this.items.length - 1;
    this.swap(0, last);
    this.down(0, last);
    this.items.pop();
  }

  private lessAt(i: number, j: number): boolean {
    return this.less(this.items[i]!, this.items[j]!);
  }

  private swap(i: number, j: number): void {
    [this.items[i], this.items[j]] = [this.items[j]!, this.items[i]!];
  }

  private up(index: number): void {
    let j = index;
    while (j > 0) {
      const parent = Math.trunc((j - 1) / 2);
      if (!this.lessAt(j, parent)) break;
      this.swap(parent, j);
      j = parent;
    }
  }

  private down(index: number, n: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) return;
      const right = left + 1;
      const j = right < n && this.lessAt(right, left) ? right : left;
      if (!this.lessAt(j, i)) return;
      this.swap(i, j);
      i = j;
    }
  }
}

function countValues(groups: Group[], label: string, steps: number): StepSeries[] {
  const out = new Map<string, StepSeries>();
  for (const group of groups) {
    for (let i = 0; i < steps; i++) {
      for (const s of group.members) {
        if (!s.present[i]) continue;
        const labels = withLabel(group.labels, label, formatSampleValue(s.values[i]!));
        const key = labelsKey(labels);
        let series = out.get(key);
        if (!series) out.set(key, (series = emptySeries(labels, steps)));
        series.values[i] = (series.present[i] ? series.values[i]! : 0) + 1;
        series.present[i] = 1;
      }
    }
  }
  return mergeByLabels([...out.values()]);
}
