import { useMemo, useSyncExternalStore } from 'react';
import {
  IDLE_METRICS_STATE,
  METRICS_STREAM,
  type LiveStream,
  type MetricsSample,
  type MetricsSnapshot,
  type MetricsStreamState,
  type StreamStats,
  type StreamStatus,
  type Transport,
} from '@/datasources/live';
import type { LiveSource } from '@/state/connectionStore';
import { useLiveRuntime } from './LiveProvider';
import type { SnapshotField } from './prometheusSnapshot';
import { withStaleness, type Staleness } from './staleness';

export interface ObservabilityMetrics extends Staleness {
  /** Latest snapshot; kept through reconnects (then `stale`), null before the first. */
  metrics: MetricsSnapshot | null;
  status: StreamStatus;
  transport: Transport | null;
  lastUpdate: number | null;
  error: string | null;
  /** Disconnected on purpose while the page is hidden (`pauseWhenHidden`). */
  paused: boolean;
  /** Bounded history of snapshots for sparklines, oldest first. */
  history: readonly MetricsSample[];
  stats: StreamStats;
  source: LiveSource;
  /** Fields the source could not provide; the snapshot holds a placeholder zero for them. */
  unavailable: ReadonlySet<SnapshotField>;
}

export interface ObservabilityMetricsOptions {
  /** False leaves the stream alone (no subscription); the result stays idle. */
  enabled?: boolean;
}

type MetricsState = MetricsStreamState & Staleness;

const IDLE: MetricsState = Object.freeze({ ...IDLE_METRICS_STATE, stale: false, staleSince: null });
const IDLE_STREAM: LiveStream<MetricsState> = {
  subscribe: () => () => {},
  getSnapshot: () => IDLE,
};
const NO_FIELDS: ReadonlySet<SnapshotField> = new Set();
const noSubscription = () => () => {};
const noFields = () => NO_FIELDS;

/** The platform's live metrics: gateway push, its fallbacks, or Prometheus polling. */
export function useObservabilityMetrics(
  options: ObservabilityMetricsOptions = {},
): ObservabilityMetrics {
  const { client, source, prometheus } = useLiveRuntime();
  const enabled = options.enabled ?? true;
  const stream = useMemo(
    () =>
      client && enabled
        ? withStaleness(client.stream(METRICS_STREAM), (state) => state.snapshot !== null)
        : IDLE_STREAM,
    [client, enabled],
  );
  const state = useSyncExternalStore(stream.subscribe, stream.getSnapshot);
  const unavailable = useSyncExternalStore(
    prometheus?.subscribe ?? noSubscription,
    prometheus?.unavailable ?? noFields,
  );
  return useMemo(
    () => ({
      metrics: state.snapshot,
      status: state.status,
      transport: state.transport,
      lastUpdate: state.lastUpdate,
      error: state.error,
      paused: state.paused,
      history: state.history,
      stats: state.stats,
      stale: state.stale,
      staleSince: state.staleSince,
      source,
      unavailable,
    }),
    [state, source, unavailable],
  );
}
