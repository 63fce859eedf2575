import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TraceSummary } from '@/datasources/traces';
import { formatDuration } from '@/lib/format';
import { formatTimestamp, type TimeZoneMode } from '@/lib/time';
import { traceHref } from '@/lib/traceLinks';
import {
  DEFAULT_RESULT_SORT,
  nextResultSort,
  sortResults,
  type ResultSort,
  type ResultSortKey,
} from '../resultSort';

export interface ResultRow {
  /** The id to open the trace by (a backend id or a `local-…` id). */
  readonly id: string;
  readonly summary: TraceSummary;
}

export interface ResultsTableProps {
  readonly rows: readonly ResultRow[];
  readonly tz: TimeZoneMode;
  readonly caption: string;
  readonly selected: readonly string[];
  readonly selectionFull: boolean;
  readonly onToggle: (id: string) => void;
}

const SERVICES_SHOWN = 4;

const SORTABLE: ReadonlyArray<{ key: ResultSortKey; label: string }> = [
  { key: 'start', label: 'Start' },
  { key: 'duration', label: 'Duration' },
  { key: 'spans', label: 'Spans' },
  { key: 'errors', label: 'Errors' },
];

/** Trace search results: each row links to its trace; two can be picked for comparison. */
export function ResultsTable({
  rows,
  tz,
  caption,
  selected,
  selectionFull,
  onToggle,
}: ResultsTableProps) {
  const [params] = useSearchParams();
  const [sort, setSort] = useState<ResultSort>(DEFAULT_RESULT_SORT);
  const byId = useMemo(() => new Map(rows.map((r) => [r.summary, r.id])), [rows]);
  const sorted = useMemo(
    () =>
      sortResults(
        rows.map((r) => r.summary),
        sort,
      ),
    [rows, sort],
  );
  const longestUs = Math.max(1, ...rows.map((r) => r.summary.durationUs));

  const header = (key: ResultSortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th
        key={key}
        scope="col"
        className="px-2 py-1 text-right font-medium"
        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <button
          type="button"
          className="hover:underline"
          onClick={() => setSort(nextResultSort(sort, key))}
        >
          {label}
          {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </button>
      </th>
    );
  };

  return (
    <div className="overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
            <th scope="col" className="w-8 px-2 py-1 font-medium">
              <span className="sr-only">Compare</span>
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              Trace
            </th>
            {SORTABLE.map((c) => header(c.key, c.label))}
            <th scope="col" className="px-2 py-1 font-medium">
              Services
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((summary) => {
            const id = byId.get(summary) ?? summary.traceId;
            const checked = selected.includes(id);
            const name = `${summary.rootService ?? 'unknown service'}: ${summary.rootOperation ?? 'missing root span'}`;
            return (
              <tr
                key={id}
                className="border-b border-slate-100 align-top hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50"
              >
                <td className="px-2 py-1">
                  <input
                    type="checkbox"
                    aria-label={`Select ${name} (${shortId(summary.traceId)}) to compare`}
                    checked={checked}
                    disabled={!checked && selectionFull}
                    onChange={() => onToggle(id)}
                  />
                </td>
                <td className="max-w-md px-2 py-1">
                  <Link
                    to={traceHref(id, params)}
                    className="font-medium text-sky-700 hover:underline dark:text-sky-300"
                  >
                    {name}
                  </Link>
                  <div
                    className="font-mono text-xs text-slate-500 dark:text-slate-400"
                    title={summary.traceId}
                  >
                    {shortId(summary.traceId)}
                  </div>
                </td>
                <td className="px-2 py-1 text-right whitespace-nowrap tabular-nums">
                  {formatTimestamp(summary.startUs / 1000, tz)}
                </td>
                <td className="px-2 py-1 text-right whitespace-nowrap tabular-nums">
                  {formatDuration(summary.durationUs / 1000)}
                  <div
                    className="ml-auto h-1 rounded bg-sky-100 dark:bg-sky-950"
                    aria-hidden="true"
                  >
                    <div
                      className="h-1 rounded bg-sky-500"
                      style={{ width: `${(summary.durationUs / longestUs) * 100}%` }}
                    />
                  </div>
                </td>
                <td className="px-2 py-1 text-right tabular-nums">{summary.spanCount ?? '–'}</td>
                <td className="px-2 py-1 text-right tabular-nums">
                  {summary.errorCount === null ? (
                    '–'
                  ) : summary.errorCount > 0 ? (
                    <span className="rounded bg-red-100 px-1 font-medium text-red-800 dark:bg-red-950 dark:text-red-200">
                      {summary.errorCount}
                    </span>
                  ) : (
                    0
                  )}
                </td>
                <td className="px-2 py-1">
                  <ServiceChips services={summary.services} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ServiceChips({ services }: { services: TraceSummary['services'] }) {
  const shown = services.slice(0, SERVICES_SHOWN);
  const hidden = services.slice(SERVICES_SHOWN);
  return (
    <ul className="flex flex-wrap gap-1 text-xs" aria-label="Services">
      {shown.map((s) => (
        <li key={s.name} className="rounded bg-slate-100 px-1 dark:bg-slate-800">
          {s.name}{' '}
          <span className="tabular-nums text-slate-500 dark:text-slate-400">{s.count}</span>
        </li>
      ))}
      {hidden.length > 0 && (
        <li
          className="px-1 text-slate-500 dark:text-slate-400"
          title={hidden.map((s) => `${s.name} (${s.count})`).join(', ')}
        >
          +{hidden.length} more
        </li>
      )}
    </ul>
  );
}

/** Eight characters, as Jaeger UI shows; 64-bit ids padded to 128 bits would all read 00000000. */
const shortId = (id: string) => id.replace(/^0+(?=.)/, '').slice(0, 8);
