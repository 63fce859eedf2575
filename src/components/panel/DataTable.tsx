import { useMemo, useState, type ReactNode } from 'react';
import { TruncatedText } from '@/components/TruncatedText';

export type Column<Row> = {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** Present when the column can be sorted. */
  sortValue?: (row: Row) => number | string | null;
  align?: 'left' | 'right';
};

type Sort = { key: string; dir: 'asc' | 'desc' };

function compare(a: number | string | null, b: number | string | null): number {
  // Missing values sort last whatever the direction is, as in Grafana's tables.
  if (a === null || (typeof a === 'number' && Number.isNaN(a))) return 1;
  if (b === null || (typeof b === 'number' && Number.isNaN(b))) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

export function sortRows<Row>(
  rows: Row[],
  column: Column<Row> | undefined,
  dir: Sort['dir'],
): Row[] {
  if (!column?.sortValue) return rows;
  const value = column.sortValue;
  return [...rows].sort((x, y) => {
    const vx = value(x);
    const vy = value(y);
    if (vx === null || vy === null) return compare(vx, vy);
    return dir === 'asc' ? compare(vx, vy) : compare(vy, vx);
  });
}

export type DataTableProps<Row> = {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  initialSort?: Sort;
  onRowClick?: (row: Row) => void;
  selectedKey?: string | null;
  caption?: string;
};

export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  initialSort,
  onRowClick,
  selectedKey,
  caption,
}: DataTableProps<Row>) {
  const [sort, setSort] = useState<Sort | null>(initialSort ?? null);
  const sorted = useMemo(
    () =>
      sort
        ? sortRows(
            rows,
            columns.find((c) => c.key === sort.key),
            sort.dir,
          )
        : rows,
    [rows, columns, sort],
  );

  return (
    <div className="overflow-auto" tabIndex={0} role="region" aria-label={caption ?? 'Table'}>
      <table className="w-full border-collapse text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
            {columns.map((c) => {
              const active = sort?.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  className={`px-2 py-1 font-medium ${c.align === 'right' ? 'text-right' : ''}`}
                >
                  {c.sortValue ? (
                    <button
                      type="button"
                      className="hover:underline"
                      onClick={() =>
                        setSort(
                          active && sort.dir === 'desc'
                            ? { key: c.key, dir: 'asc' }
                            : { key: c.key, dir: 'desc' },
                        )
                      }
                    >
                      {c.header}
                      {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const key = rowKey(row);
            return (
              <tr
                key={key}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
                aria-selected={selectedKey === undefined ? undefined : selectedKey === key}
                className={`border-b border-slate-100 dark:border-slate-800 ${onRowClick ? 'cursor-pointer hover:bg-slate-50 dark:hover:bg-slate-800' : ''} ${selectedKey === key ? 'bg-sky-50 dark:bg-sky-950' : ''}`}
              >
                {columns.map((c) => (
                  <td
                    key={c.key}
                    className={`px-2 py-1 ${c.align === 'right' ? 'text-right tabular-nums' : ''}`}
                  >
                    <CellContent value={c.render(row)} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Backend strings can be any length: a cell never grows past its column, and shows the rest on request. */
function CellContent({ value }: { value: ReactNode }) {
  return (
    <div className="max-w-[28rem] min-w-0 overflow-hidden">
      {typeof value === 'string' ? <TruncatedText text={value} /> : value}
    </div>
  );
}
