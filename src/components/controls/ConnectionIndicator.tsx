import { useEffect, useState } from 'react';
import { connectionLabel } from '@/query/live/connectionLabel';
import { useConnectionStore, type LiveStatus } from '@/state/connectionStore';

const DOT: Record<LiveStatus, string> = {
  live: 'bg-emerald-500',
  connecting: 'bg-sky-400 animate-pulse',
  reconnecting: 'bg-amber-500 animate-pulse',
  polling: 'bg-amber-500',
  offline: 'bg-slate-400',
};

/** The live metrics stream's state in the header, with the age of its last data. */
export function ConnectionIndicator() {
  const state = useConnectionStore();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);

  const text = connectionLabel(state, now);
  return (
    <div
      data-testid="connection-indicator"
      data-status={state.status}
      data-transport={state.transport ?? 'none'}
      data-source={state.source ?? 'none'}
      data-last-update={state.lastUpdate ?? ''}
      className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300"
      title={state.error ?? text}
    >
      <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${DOT[state.status]}`} />
      <span aria-hidden className="max-w-64 truncate">
        {text}
      </span>
      {/* Announced when the state changes, not at every tick of the age. */}
      <span role="status" className="sr-only">
        {connectionLabel(state, null)}
      </span>
    </div>
  );
}
