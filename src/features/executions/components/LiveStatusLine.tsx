import { formatTimestamp, type TimeZoneMode } from '@/lib/time';
import { connectionLabel } from '@/query/live/connectionLabel';
import type { ExecutionUpdates } from '@/query/live/useExecutionUpdates';

type Props = Pick<
  ExecutionUpdates,
  'status' | 'transport' | 'lastUpdate' | 'error' | 'paused' | 'stale' | 'staleSince' | 'finished'
> & { now: number; tz: TimeZoneMode };

/** How this run's updates arrive: "Live · WebSocket · 2 s ago", "Polling · 5 s ago", … */
export function liveStatusText(props: Omit<Props, 'tz'>): string {
  if (props.finished && props.status === 'offline' && props.error === null) {
    return 'Finished · no more updates';
  }
  return connectionLabel({ ...props, source: 'gateway' }, props.now);
}

export function LiveStatusLine(props: Props) {
  const { stale, staleSince, lastUpdate, tz } = props;
  return (
    <div
      className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-300"
      data-testid="execution-live-status"
      data-status={props.status}
      data-transport={props.transport ?? 'none'}
      data-last-update={lastUpdate ?? ''}
    >
      <span>{liveStatusText(props)}</span>
      {stale && staleSince !== null && (
        <span
          role="status"
          className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          data-testid="stale-marker"
        >
          Stale since {formatTimestamp(staleSince, tz, { withDate: false })}
          {lastUpdate !== null &&
            ` · showing data from ${formatTimestamp(lastUpdate, tz, { withDate: false })}`}
        </span>
      )}
    </div>
  );
}
