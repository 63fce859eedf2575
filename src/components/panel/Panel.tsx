import {
  keepPreviousData,
  useQuery,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useRef, type ReactNode } from 'react';
import { PanelContent, PanelFrame, PanelHeader } from './PanelFrame';
import { useInView } from './useInView';

export { PanelError, PanelSkeleton, SLOW_ANSWER_MS } from './PanelFrame';

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

/** A dashboard panel fed by one query, run while the panel is on screen. */
export function Panel<T, TKey extends QueryKey = QueryKey>(props: PanelProps<T, TKey>) {
  return (
    <PanelFrame title={props.title} className={props.className}>
      {(headingId) => <QueryPanelBody {...props} headingId={headingId} />}
    </PanelFrame>
  );
}

function QueryPanelBody<T, TKey extends QueryKey>({
  title,
  description,
  query,
  isEmpty,
  emptyMessage,
  seriesCount,
  actions,
  minHeight = 120,
  children,
  headingId,
}: PanelProps<T, TKey> & { headingId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const inView = useInView(ref);
  const { data, error, isFetching, isPlaceholderData, refetch } = useQuery({
    ...query,
    enabled: inView && query.enabled !== false,
    placeholderData: keepPreviousData,
  });
  const count = data !== undefined && seriesCount ? seriesCount(data) : null;
  const refreshing = data !== undefined && (isFetching || isPlaceholderData);

  return (
    <>
      <PanelHeader
        headingId={headingId}
        title={title}
        description={description}
        status={
          <>
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
          </>
        }
        actions={actions?.(data)}
      />
      <div ref={ref} className="relative flex-1 p-3" style={{ minHeight }}>
        <PanelContent
          data={data}
          error={error}
          waiting={isFetching}
          onRetry={() => void refetch()}
          isEmpty={isEmpty}
          emptyMessage={emptyMessage}
        >
          {children}
        </PanelContent>
      </div>
    </>
  );
}
