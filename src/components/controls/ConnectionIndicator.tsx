import { useEffect, useState } from 'react';
import { useConnectionStore, type LiveStatus } from '@/state/connectionStore';
import { formatAge } from './formatAge';

const DOT: Record<LiveStatus, string> = {
  live: 'bg-emerald-500',
  connecting: 'bg-sky-400 animate-pulse',
  reconnecting: 'bg-amber-500 animate-pulse',
  polling: 'bg-amber-500',
  offline: 'bg-slate-400',
};

const TRANSPORT_LABEL = { websocket: 'WebSocket', sse: 'SSE', polling: 'polling' } as const;

export function ConnectionIndicator() {
  const { configured, status, transport, lastUpdate, error } = useConnectionStore();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);

  const text = !configured
    ? 'No live gateway · panels poll'
    : [
        status,
        transport ? TRANSPORT_LABEL[transport] : null,
        lastUpdate ? formatAge(now - lastUpdate) : null,
      ]
        .filter(Boolean)
        .join(' · ');

  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="connection-indicator"
      data-status={configured ? status : 'unconfigured'}
      className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300"
      title={error ?? undefined}
    >
      <span
        aria-hidden
        className={`inline-block h-2 w-2 rounded-full ${configured ? DOT[status] : 'bg-slate-400'}`}
      />
      <span className="max-w-56 truncate first-letter:uppercase">{text}</span>
    </div>
  );
}
