import type { TraceSummary } from '@/datasources/traces';

export type ResultSortKey = 'start' | 'duration' | 'spans' | 'errors';

export interface ResultSort {
  readonly key: ResultSortKey;
  readonly dir: 'asc' | 'desc';
}

/** Most recent first, as Jaeger UI lists search results. */
export const DEFAULT_RESULT_SORT: ResultSort = { key: 'start', dir: 'desc' };

const VALUE: Readonly<Record<ResultSortKey, (row: TraceSummary) => number | null>> = {
  start: (row) => row.startUs,
  duration: (row) => row.durationUs,
  spans: (row) => row.spanCount,
  errors: (row) => row.errorCount,
};

/** Sorted copy; unknown counts (Tempo without span stats) go last in either direction. */
export function sortResults(rows: readonly TraceSummary[], sort: ResultSort): TraceSummary[] {
  const value = VALUE[sort.key];
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((x, y) => {
    const vx = value(x);
    const vy = value(y);
    if (vx === null || vy === null) return vx === vy ? 0 : vx === null ? 1 : -1;
    return (vx - vy) * sign;
  });
}

export function nextResultSort(current: ResultSort, key: ResultSortKey): ResultSort {
  if (current.key !== key) return { key, dir: 'desc' };
  return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
}
