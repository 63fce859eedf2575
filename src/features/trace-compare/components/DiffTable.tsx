import { useMemo, useState, type ReactNode } from 'react';
import { formatDuration } from '@/lib/format';
import {
  changedRows,
  nextSort,
  sortDiffRows,
  TREE_ORDER,
  type DiffSort,
  type DiffSortKey,
} from '../diffSort';
import {
  averageDeltaUs,
  averageUs,
  countDelta,
  formatPath,
  totalDeltaUs,
  type DiffRow,
  type DiffStatus,
  type StructureDiff,
} from '../structureDiff';

/** Rows rendered at first and per "show more"; a 50k-span pair can have thousands of paths. */
export const DIFF_PAGE_ROWS = 300;

const STATUS: Readonly<Record<DiffStatus, { label: string; row: string; badge: string }>> = {
  'only-a': {
    label: 'only in A',
    row: 'bg-red-50 dark:bg-red-950',
    badge: 'bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-100',
  },
  'only-b': {
    label: 'only in B',
    row: 'bg-emerald-50 dark:bg-emerald-950',
    badge: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100',
  },
  changed: {
    label: 'changed',
    row: 'bg-white dark:bg-slate-900',
    badge: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  },
  same: { label: '', row: 'bg-white dark:bg-slate-900', badge: '' },
};

const us = (value: number | null | undefined) =>
  value == null ? '–' : formatDuration(value / 1000);

function signed(value: number | null, format: (abs: number) => string): ReactNode {
  if (value === null) return '–';
  if (value === 0) return '0';
  const tone =
    value > 0 ? 'text-red-700 dark:text-red-300' : 'text-emerald-700 dark:text-emerald-300';
  return <span className={tone}>{`${value > 0 ? '+' : '−'}${format(Math.abs(value))}`}</span>;
}

interface Column {
  readonly key: DiffSortKey;
  readonly header: string;
  readonly cell: (row: DiffRow) => ReactNode;
}

const COLUMNS: readonly Column[] = [
  { key: 'countA', header: 'Spans A', cell: (r) => r.a?.count ?? '–' },
  { key: 'countB', header: 'Spans B', cell: (r) => r.b?.count ?? '–' },
  { key: 'countDelta', header: 'Δ spans', cell: (r) => signed(countDelta(r), String) },
  { key: 'totalA', header: 'Total A', cell: (r) => us(r.a?.totalUs) },
  { key: 'totalB', header: 'Total B', cell: (r) => us(r.b?.totalUs) },
  { key: 'totalDelta', header: 'Δ total', cell: (r) => signed(totalDeltaUs(r), (v) => us(v)) },
  { key: 'avgA', header: 'Avg A', cell: (r) => us(r.a ? averageUs(r.a) : null) },
  { key: 'avgB', header: 'Avg B', cell: (r) => us(r.b ? averageUs(r.b) : null) },
  { key: 'avgDelta', header: 'Δ avg', cell: (r) => signed(averageDeltaUs(r), (v) => us(v)) },
];

export interface DiffTableProps {
  readonly diff: StructureDiff;
  /** From the URL when the table first shows. */
  readonly initialChangedOnly: boolean;
  /** Persists the filter (to the URL); the table keeps its own copy so the box never lags. */
  readonly onChangedOnly: (value: boolean) => void;
}

/** The path-by-path comparison: sortable, filterable to differences, paged. */
export function DiffTable({ diff, initialChangedOnly, onChangedOnly }: DiffTableProps) {
  const [changedOnly, setChangedOnly] = useState(initialChangedOnly);
  const [sort, setSort] = useState<DiffSort>(TREE_ORDER);
  const [limit, setLimit] = useState(DIFF_PAGE_ROWS);
  const rows = useMemo(
    () => sortDiffRows(changedOnly ? changedRows(diff.rows) : diff.rows, sort),
    [diff, changedOnly, sort],
  );
  const shown = rows.slice(0, limit);
  const treeOrder = sort.key === 'path' && sort.dir === 'asc';

  const header = (key: DiffSortKey, label: string, align: 'left' | 'right') => {
    const active = sort.key === key;
    return (
      <th
        key={key}
        scope="col"
        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
        className={`px-2 py-1 font-medium whitespace-nowrap ${align === 'right' ? 'text-right' : 'sticky left-0 bg-white dark:bg-slate-900'}`}
      >
        <button
          type="button"
          className="hover:underline"
          onClick={() => setSort(nextSort(sort, key))}
        >
          {label}
          {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </button>
      </th>
    );
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={changedOnly}
            onChange={(e) => {
              setChangedOnly(e.target.checked);
              onChangedOnly(e.target.checked);
            }}
          />
          Changed only
        </label>
        <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
          {diff.rows.length} paths: {diff.counts['only-a']} only in A, {diff.counts['only-b']} only
          in B, {diff.counts.changed} changed, {diff.counts.same} unchanged.
          {shown.length < rows.length && ` Showing ${shown.length} of ${rows.length}.`}
        </p>
      </div>
      {diff.counts.same + diff.counts.changed === 0 && (
        <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          No path is in both traces: they start at different operations. Compare two traces of the
          same operation to see what changed inside it.
        </p>
      )}
      {rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">
          The two traces have the same structure, span counts and durations.
        </p>
      ) : (
        <div className="overflow-x-auto" role="region" aria-label="Paths compared" tabIndex={0}>
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">
              Spans per service and operation path, trace A against trace B
            </caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
                {header('path', 'Path', 'left')}
                {COLUMNS.map((c) => header(c.key, c.header, 'right'))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <DiffTableRow key={row.key} row={row} indent={treeOrder} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown.length < rows.length && (
        <div>
          <button type="button" className="btn" onClick={() => setLimit((n) => n + DIFF_PAGE_ROWS)}>
            Show {Math.min(DIFF_PAGE_ROWS, rows.length - shown.length)} more paths
          </button>
        </div>
      )}
    </div>
  );
}

function DiffTableRow({ row, indent }: { row: DiffRow; indent: boolean }) {
  const status = STATUS[row.status];
  const own = row.path[row.path.length - 1];
  const ancestors = row.path.slice(0, -1);
  return (
    <tr
      className={`border-b border-slate-100 align-top dark:border-slate-800 ${status.row}`}
      data-status={row.status}
    >
      <th
        scope="row"
        // Sticky so the path stays in view while the figures scroll sideways on narrow screens.
        className={`sticky left-0 max-w-[16rem] px-2 py-1 text-left font-normal md:max-w-xl ${status.row}`}
        title={formatPath(row.path)}
      >
        <div style={indent ? { paddingLeft: `${Math.min(row.depth, 16) * 0.75}rem` } : undefined}>
          <span className="font-medium">{own?.service}</span>: {own?.operation}
          {status.label && (
            <span className={`ml-2 rounded px-1 text-xs whitespace-nowrap ${status.badge}`}>
              {status.label}
            </span>
          )}
          {!indent && ancestors.length > 0 && (
            <div className="truncate text-xs text-slate-500 dark:text-slate-400">
              under {formatPath(ancestors)}
            </div>
          )}
        </div>
      </th>
      {COLUMNS.map((c) => (
        <td key={c.key} className="px-2 py-1 text-right whitespace-nowrap tabular-nums">
          {c.cell(row)}
        </td>
      ))}
    </tr>
  );
}
