/** Small hand-made series for evaluator tests (not the simulator). */
import { instantQuery, rangeQuery, type InstantResult } from './evaluator';
import type { Labels } from './labels';
import { createMemoryStore, type MemorySeries, type SeriesStore } from './store';

export const SCRAPE_MS = 15_000;

/** A series sampled every 15 s from t = 0; `null` leaves a gap. */
export function series(labels: Labels, values: readonly (number | null)[]): MemorySeries {
  const samples: [number, number][] = [];
  values.forEach((v, i) => {
    if (v !== null) samples.push([i * SCRAPE_MS, v]);
  });
  return { labels, samples };
}

/** n samples following f(i). */
export function generated(labels: Labels, n: number, f: (i: number) => number): MemorySeries {
  return series(
    labels,
    Array.from({ length: n }, (_, i) => f(i)),
  );
}

export const store = (...data: MemorySeries[]): SeriesStore => createMemoryStore(data);

/** Instant vector result as `labels → value`, with labels written `{a="1", b="2"}`. */
export function vectorAt(s: SeriesStore, query: string, timeMs: number): Record<string, number> {
  const result: InstantResult = instantQuery(s, query, timeMs);
  if (result.resultType !== 'vector')
    throw new Error(`expected a vector, got ${result.resultType}`);
  return Object.fromEntries(result.result.map((r) => [formatKey(r.metric), r.value[1]]));
}

export function scalarAt(s: SeriesStore, query: string, timeMs: number): number {
  const result = instantQuery(s, query, timeMs);
  if (result.resultType !== 'scalar')
    throw new Error(`expected a scalar, got ${result.resultType}`);
  return result.result[1];
}

/** Range query as `labels → [[t, v], …]`. */
export function matrix(
  s: SeriesStore,
  query: string,
  startMs: number,
  endMs: number,
  stepMs: number,
): Record<string, (readonly [number, number])[]> {
  const result = rangeQuery(s, query, startMs, endMs, stepMs);
  return Object.fromEntries(result.result.map((r) => [formatKey(r.metric), r.values]));
}

export function formatKey(labels: Labels): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k]}"`);
  return `{${pairs.join(', ')}}`;
}
