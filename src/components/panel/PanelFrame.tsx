import { useEffect, useId, useState, type ReactNode } from 'react';
import { PanelErrorBoundary } from './PanelErrorBoundary';

/**
 * The frame every dashboard panel shares, whatever feeds it (a query, a stream): its own error
 * boundary, a header, and the loading / error / empty / data states in words. `Panel` runs a
 * query inside it; stream-fed panels pass what their stream holds.
 */
export function PanelFrame({
  title,
  className = '',
  children,
}: {
  title: string;
  className?: string;
  /** Rendered inside the error boundary; gets the heading's id for the header. */
  children: (headingId: string) => ReactNode;
}) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={`panel flex min-w-0 flex-col ${className}`}
      data-panel={title}
    >
      <PanelErrorBoundary title={title}>{children(headingId)}</PanelErrorBoundary>
    </section>
  );
}

export function PanelHeader({
  headingId,
  title,
  description,
  status,
  actions,
}: {
  headingId: string;
  title: string;
  description?: string;
  /** Beside the title: refreshing, series shown, connection state. */
  status?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
      <h2 id={headingId} className="truncate text-sm font-semibold" title={description}>
        {title}
      </h2>
      {status}
      {actions && <div className="ml-auto flex items-center gap-1">{actions}</div>}
    </header>
  );
}

/**
 * What a panel shows for what it has. Data once shown stays on screen when a later refresh
 * fails; the failure is said above it.
 */
export function PanelContent<T>({
  data,
  error,
  waiting,
  onRetry,
  isEmpty,
  emptyMessage = 'No data in this time range.',
  children,
}: {
  data: T | undefined;
  error: { message: string } | null;
  /** A request is out; false for a panel off screen, which shows the skeleton without asking. */
  waiting: boolean;
  onRetry?: () => void;
  isEmpty?: (data: T) => boolean;
  emptyMessage?: string;
  children: (data: T) => ReactNode;
}) {
  if (data === undefined) {
    return error === null ? (
      <PanelSkeleton waiting={waiting} />
    ) : (
      <PanelError message={error.message} onRetry={onRetry} />
    );
  }
  return (
    <>
      {error !== null && !waiting && (
        <p
          role="alert"
          className="mb-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          Showing earlier data; the last refresh failed: {error.message}
        </p>
      )}
      {isEmpty?.(data) ? (
        <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">
          {emptyMessage}
        </p>
      ) : (
        children(data)
      )}
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
