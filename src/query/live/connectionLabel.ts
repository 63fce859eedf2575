import { formatAge } from '@/lib/format/age';
import type { ConnectionState } from '@/state/connectionStore';

export const TRANSPORT_LABEL = { websocket: 'WebSocket', sse: 'SSE', polling: 'polling' } as const;

/**
 * What the header says about the live metrics stream: state, transport and the age of the last
 * data, e.g. "Live · WebSocket · 2 s ago", "Polling · 5 s ago", "Reconnecting…",
 * "Offline: connection refused". Without `now` the age is left out (for screen readers, which
 * would otherwise announce every tick).
 */
export function connectionLabel(state: ConnectionState, now: number | null): string {
  const age =
    state.lastUpdate === null || now === null
      ? null
      : formatAge(Math.max(0, now - state.lastUpdate));
  const join = (...parts: Array<string | null>) => parts.filter(Boolean).join(' · ');
  switch (state.status) {
    case 'live':
      return join('Live', state.transport ? TRANSPORT_LABEL[state.transport] : null, age);
    case 'polling':
      return join(state.source === 'prometheus' ? 'Polling Prometheus' : 'Polling', age);
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting':
      return join('Reconnecting…', age ? `last data ${age}` : null);
    case 'offline':
      if (state.source === null) return 'No live data source';
      if (state.paused) return 'Paused while the page is hidden';
      return state.error ? `Offline: ${state.error}` : 'Offline';
  }
}
