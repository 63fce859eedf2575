import {
  keepPreviousData,
  useQuery,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { PanelErrorBoundary } from './PanelErrorBoundary';
import { useInView } from './useInView';

export type SeriesCount = { shown: number; total: number };

export type PanelProps<T, TKey extends QueryKey = QueryKey> = {
  title: string;
  description?: string;
  /** A queryOptions factory's result; the panel runs it only while it is on screen. */
  query: UseQueryOptions<T, Error, T, TKey>;
  isEmpty?: (data: T) => boolean;
  emptyMessage?: string;
  seriesCount?: (data: T) => SeriesCount | null;
  actions?: (data: T | undefined) => ReactNode;
  className?: string;
  minHeight?: number;
  children: (data: T) => ReactNode;
};

/** A dashboard panel: title, own error boundary, and loading / empty / error / data states. */
export function Panel<T, TKey extends QueryKey = QueryKey>(props: PanelProps<T, TKey>) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={`panel flex min-w-0 flex-col ${props.className ?? ''}`}
      data-panel={props.title}
    >
      <PanelErrorBoundary title={props.title}>
        <PanelBody {...props} headingId={headingId} />
      </PanelErrorBoundary>
    </section>
  );
}

function PanelBody<T, TKey extends QueryKey>({
  title,
  description,
  query,
  isEmpty,
  emptyMessage = 'No data in this time range.',
  seriesCount,
  actions,
  minHeight = 120,
  children,
  headingId,
}: PanelProps<T, TKey> & { headingId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const inView = useInView(ref);
  const result = useQuery({
    ...query,
    enabled: inView && query.enabled !== false,
    placeholderData: keepPreviousData,
  });
  const { data, error, isFetching, isPlaceholderData, refetch } = result;
  const count = data !== undefined && seriesCount ? seriesCount(data) : null;
  const refreshing = data !== undefined && (isFetching || isPlaceholderData);

  return (
    <>
      <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h2 id={headingId} className="truncate text-sm font-semibold" title={description}>
          {title}
        </h2>
        {refreshing && (
          <span
            role="status"
            className="h-2 w-2 animate-pulse rounded-full bg-sky-500"
            title="Refreshing"
          >
            <span className="sr-only">Refreshing</span>
          </span>
        )}
        {count && count.shown < count.total && (
          <span className="text-xs text-slate-500 dark:text-slate-400">
            Showing {count.shown} of {count.total} series
          </span>
        )}
        <div className="ml-auto flex items-center gap-1">{actions?.(data)}</div>
      </header>
      <div ref={ref} className="relative flex-1 p-3" style={{ minHeight }}>
        {data === undefined && error === null && <PanelSkeleton waiting={isFetching} />}
        {data === undefined && error !== null && (
          <PanelError message={error.message} onRetry={() => void refetch()} />
        )}
        {data !== undefined && error !== null && !isFetching && (
          <p
            role="alert"
            className="mb-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            Showing earlier data; the last refresh failed: {error.message}
          </p>
        )}
        {data !== undefined &&
          (isEmpty?.(data) ? (
            <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">
              {emptyMessage}
            </p>
          ) : (
            children(data)
          ))}
      </div>
    </>
  );
}

/** After this long without an answer, a loading panel says how long it has waited. */
export const SLOW_ANSWER_MS = 5_000;

/** `waiting`: a request is out (a panel off screen shows the skeleton without asking). */
export function PanelSkeleton({ waiting = false }: { waiting?: boolean }) {
  const waitedSec = useSecondsWhile(waiting);
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label="Loading"
      className="flex h-full min-h-16 flex-col gap-2"
    >
      <div className="h-3 w-1/3 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
      <div className="h-full min-h-10 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
      {waitedSec !== null && waitedSec * 1000 >= SLOW_ANSWER_MS && (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Still waiting for the data source to answer ({waitedSec} s so far).
        </p>
      )}
    </div>
  );
}

/** Whole seconds since `active` last turned true, ticking once a second; null while false. */
function useSecondsWhile(active: boolean): number | null {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!active) return;
    const start = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - start) / 1_000)), 1_000);
    return () => clearInterval(timer);
  }, [active]);
  return active ? seconds : null;
}

export function PanelError({
  message,
  onRetry,
  title = 'Query failed',
}: {
  message: string;
  /** Left out where trying again cannot help. */
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <div role="alert" className="flex flex-col items-start gap-2 text-sm">
      <p className="font-medium text-red-700 dark:text-red-300">{title}</p>
      <p
        tabIndex={0}
        className="max-h-32 overflow-auto break-words whitespace-pre-wrap text-slate-700 dark:text-slate-300"
      >
        {message}
      </p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
