import { METRICS_STREAM, type LiveClient, type MetricsStreamState } from '@/datasources/live';
import { useConnectionStore, type ConnectionState, type LiveSource } from '@/state/connectionStore';

type Store = Pick<typeof useConnectionStore, 'getState'>;

function connectionOf(state: MetricsStreamState, source: LiveSource): ConnectionState {
  const { status, transport, lastUpdate, error, paused } = state;
  return { source, status, transport, lastUpdate, error, paused };
}

function sameConnection(a: ConnectionState, b: ConnectionState): boolean {
  return (Object.keys(b) as Array<keyof ConnectionState>).every((key) => a[key] === b[key]);
}

/**
 * Keeps the connection store in step with the metrics stream for as long as the app runs; the
 * subscription also keeps that stream open, so the header always knows how live the data is.
 */
export function bindConnectionStore(
  client: LiveClient,
  source: LiveSource,
  store: Store = useConnectionStore,
): () => void {
  const publish = (state: MetricsStreamState) => {
    const next = connectionOf(state, source);
    const current = store.getState();
    if (!sameConnection(current, next)) current.set(next);
  };
  const unsubscribe = client.subscribe(METRICS_STREAM, publish);
  publish(client.getSnapshot(METRICS_STREAM));
  return unsubscribe;
}
