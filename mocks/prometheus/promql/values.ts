/** Values flowing through evaluation: every node is evaluated at all steps at once. */
import { PromQLExecutionError } from './errors';
import { labelsKey, type Labels } from './labels';
import type { SampleBlock } from './store';

/** One output series over the query's steps; `present[i]` is 0 where it has no sample. */
export interface StepSeries {
  readonly labels: Labels;
  readonly values: Float64Array;
  readonly present: Uint8Array;
}

export interface RawSeries {
  readonly labels: Labels;
  readonly block: SampleBlock;
}

export type EvalValue =
  | { readonly type: 'scalar'; readonly values: Float64Array }
  | { readonly type: 'vector'; readonly series: readonly StepSeries[] }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'matrix'; readonly series: readonly RawSeries[] };

export function emptySeries(labels: Labels, steps: number): StepSeries {
  return { labels, values: new Float64Array(steps), present: new Uint8Array(steps) };
}

export function hasSamples(series: StepSeries): boolean {
  return series.present.some((p) => p === 1);
}

/**
 * Merges series that ended up with the same labels (e.g. after a function dropped the metric
 * name). Prometheus rejects a vector holding one label set twice at one step; so does this.
 */
export function mergeByLabels(
  series: readonly StepSeries[],
  duplicateError = 'vector cannot contain metrics with the same labelset',
): StepSeries[] {
  const byKey = new Map<string, StepSeries>();
  for (const s of series) {
    if (!hasSamples(s)) continue;
    const key = labelsKey(s.labels);
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, s);
      continue;
    }
    const merged = emptySeries(existing.labels, s.values.length);
    for (let i = 0; i < s.values.length; i++) {
      if (existing.present[i] && s.present[i]) {
        throw new PromQLExecutionError(duplicateError);
      }
      const from = existing.present[i] ? existing : s;
      merged.values[i] = from.values[i]!;
      merged.present[i] = from.present[i]!;
    }
    byKey.set(key, merged);
  }
  return [...byKey.values()];
}

/** Applies fn to every present value, keeping or replacing the labels. */
export function mapValues(
  series: readonly StepSeries[],
  fn: (value: number, step: number) => number,
  labels: (l: Labels) => Labels,
): StepSeries[] {
  return mergeByLabels(
    series.map((s) => {
      const out = emptySeries(labels(s.labels), s.values.length);
      for (let i = 0; i < s.values.length; i++) {
        if (!s.present[i]) continue;
        out.values[i] = fn(s.values[i]!, i);
        out.present[i] = 1;
      }
      return out;
    }),
  );
}
