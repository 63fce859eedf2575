import { averageDeltaUs, averageUs, countDelta, totalDeltaUs, type DiffRow } from './structureDiff';

export type DiffSortKey =
  | 'path'
  | 'countA'
  | 'countB'
  | 'countDelta'
  | 'totalA'
  | 'totalB'
  | 'totalDelta'
  | 'avgA'
  | 'avgB'
  | 'avgDelta';

export type SortDirection = 'asc' | 'desc';

export interface DiffSort {
  readonly key: DiffSortKey;
  readonly dir: SortDirection;
}

/** Tree order: each path under its parent, as the traces read. */
export const TREE_ORDER: DiffSort = { key: 'path', dir: 'asc' };

const VALUE: Readonly<Record<DiffSortKey, (row: DiffRow) => number | null>> = {
  path: (row) => row.order,
  countA: (row) => row.a?.count ?? null,
  countB: (row) => row.b?.count ?? null,
  countDelta,
  totalA: (row) => row.a?.totalUs ?? null,
  totalB: (row) => row.b?.totalUs ?? null,
  totalDelta: totalDeltaUs,
  avgA: (row) => (row.a ? averageUs(row.a) : null),
  avgB: (row) => (row.b ? averageUs(row.b) : null),
  avgDelta: averageDeltaUs,
};

/**
 * Rows in the requested order. Rows without a value (a path missing on the side sorted by) go
 * last in either direction; ties keep tree order.
 */
export function sortDiffRows(rows: readonly DiffRow[], sort: DiffSort): DiffRow[] {
  const value = VALUE[sort.key];
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((x, y) => {
    const vx = value(x);
    const vy = value(y);
    if (vx === null || vy === null) {
      if (vx !== vy) return vx === null ? 1 : -1;
      return x.order - y.order;
    }
    return (vx - vy) * sign || x.order - y.order;
  });
}

/** Rows that differ between the two traces (on one side only, other count or duration). */
export function changedRows(rows: readonly DiffRow[]): DiffRow[] {
  return rows.filter((row) => row.status !== 'same');
}

/** Clicking a header: first descending (biggest first), then ascending; tree order ascending. */
export function nextSort(current: DiffSort, key: DiffSortKey): DiffSort {
  if (current.key !== key) return { key, dir: key === 'path' ? 'asc' : 'desc' };
  return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
}
