import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PanelError, PanelSkeleton } from '@/components/panel/Panel';
import type { TraceSearchParams, TraceSource } from '@/datasources/traces';
import type { TimeZoneMode } from '@/lib/time';
import { traceSearchQuery } from '@/query/traces/search';
import { useCompareSelection } from '../hooks/useCompareSelection';
import { traceHref } from '@/lib/traceLinks';
import { CompareBar } from './CompareBar';
import { DurationScatter } from './DurationScatter';
import { ResultsTable, type ResultRow } from './ResultsTable';

export interface SearchResultsProps {
  readonly source: TraceSource;
  readonly sourceKey: string;
  readonly params: TraceSearchParams;
  readonly tz: TimeZoneMode;
}

/** Runs one search and shows its results as a scatter and a table, or why there are none. */
export function SearchResults({ source, sourceKey, params, tz }: SearchResultsProps) {
  const navigate = useNavigate();
  const [urlParams] = useSearchParams();
  const { data, error, isFetching, isPlaceholderData, refetch } = useQuery(
    traceSearchQuery(source, sourceKey, params),
  );
  const rows = useMemo<ResultRow[]>(
    () => (data ?? []).map((summary) => ({ id: summary.traceId, summary })),
    [data],
  );
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  const { selected, toggle, full } = useCompareSelection(ids);

  if (data === undefined) {
    if (error) return <PanelError message={error.message} onRetry={() => void refetch()} />;
    return <PanelSkeleton />;
  }
  const stale = isFetching && isPlaceholderData;

  return (
    <div className="flex flex-col gap-3" aria-busy={stale || undefined}>
      {error && !isFetching && (
        <div
          role="alert"
          className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          Showing earlier results; the last search failed: {error.message}
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          {stale ? 'Searching…' : `${rows.length} ${rows.length === 1 ? 'trace' : 'traces'}`}
          {!stale &&
            params.limit !== undefined &&
            rows.length >= params.limit &&
            ` (the limit; raise it to see more)`}
        </p>
        {rows.length > 1 && (
          <div className="ml-auto">
            <CompareBar selected={selected} />
          </div>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">
          No traces match this search in the selected time range. Try a wider time range, fewer tags
          or no duration limits.
        </p>
      ) : (
        <>
          <DurationScatter
            rows={rows}
            tz={tz}
            onOpen={(id) => void navigate(traceHref(id, urlParams))}
          />
          <ResultsTable
            rows={rows}
            tz={tz}
            caption="Trace search results"
            selected={selected}
            selectionFull={full}
            onToggle={toggle}
          />
        </>
      )}
    </div>
  );
}
