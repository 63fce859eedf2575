/**
 * Serves the simulator through the evaluator's store interface, as Prometheus would have scraped
 * it: one sample per scrape interval, nothing after "now".
 */
import type { SeriesDescriptor, Simulator } from '@mocks/sim';
import type { LabelMatcher } from './promql/ast';
import { matchesAll } from './promql/labels';
import { EMPTY_BLOCK, type SampleBlock, type SeriesStore, type StoredSeries } from './promql/store';

export const SCRAPE_INTERVAL_MS = 15_000;

export interface SimStoreOptions {
  /** Latest instant with samples; later samples do not exist yet. */
  readonly nowMs: number;
  readonly scrapeIntervalMs?: number;
}

export interface SimStore extends SeriesStore {
  /** Descriptors of the series matching every matcher of at least one selector. */
  matching(selectors: readonly (readonly LabelMatcher[])[]): SeriesDescriptor[];
}

/** Series grouped by metric name, so `name{…}` selectors skip unrelated series. */
function indexByName(series: readonly SeriesDescriptor[]): Map<string, SeriesDescriptor[]> {
  const index = new Map<string, SeriesDescriptor[]>();
  for (const s of series) {
    const name = s.labels.__name__ ?? '';
    const list = index.get(name);
    if (list) list.push(s);
    else index.set(name, [s]);
  }
  return index;
}

const indexes = new WeakMap<Simulator, Map<string, SeriesDescriptor[]>>();

export function createSimStore(sim: Simulator, options: SimStoreOptions): SimStore {
  const interval = options.scrapeIntervalMs ?? SCRAPE_INTERVAL_MS;
  const lastScrape = Math.floor(options.nowMs / interval) * interval;
  let byName = indexes.get(sim);
  if (!byName) indexes.set(sim, (byName = indexByName(sim.series())));
  // A request may read the same window of a series twice (e.g. a ratio of two rates).
  const blocks = new Map<string, SampleBlock>();
  // Every series is scraped on the same grid, so one timestamp array serves them all.
  const grids = new Map<string, Float64Array>();
  const grid = (first: number, count: number) => {
    const key = `${first}|${count}`;
    let ts = grids.get(key);
    if (!ts) {
      ts = Float64Array.from({ length: count }, (_, i) => first + i * interval);
      grids.set(key, ts);
    }
    return ts;
  };

  const candidates = (matchers: readonly LabelMatcher[]) => {
    const name = matchers.find((m) => m.name === '__name__' && m.op === '=');
    return name ? (byName.get(name.value) ?? []) : sim.series();
  };

  const stored = (descriptor: SeriesDescriptor): StoredSeries => {
    const sampler = sim.sampler(descriptor.id)!;
    return {
      labels: descriptor.labels,
      samples(fromMs, toMs) {
        const first = Math.ceil(fromMs / interval) * interval;
        const last = Math.min(Math.floor(toMs / interval) * interval, lastScrape);
        if (last < first) return EMPTY_BLOCK;
        const key = `${descriptor.id}|${first}|${last}`;
        const cached = blocks.get(key);
        if (cached) return cached;
        const count = (last - first) / interval + 1;
        const ts = grid(first, count);
        const vs = new Float64Array(count);
        for (let i = 0; i < count; i++) vs[i] = sampler(ts[i]!);
        const block = { ts, vs };
        blocks.set(key, block);
        return block;
      },
    };
  };

  return {
    select: (matchers) =>
      candidates(matchers)
        .filter((s) => matchesAll(matchers, s.labels))
        .map(stored),
    matching(selectors) {
      const found = new Map<string, SeriesDescriptor>();
      for (const matchers of selectors) {
        for (const s of candidates(matchers)) {
          if (matchesAll(matchers, s.labels)) found.set(s.id, s);
        }
      }
      return [...found.values()];
    },
  };
}
