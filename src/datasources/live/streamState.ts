import type { ExecutionView } from './executionModel';
import type { MetricsView } from './metricsModel';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'offline';
export type Transport = 'websocket' | 'sse' | 'polling';

export interface StreamStats {
  /** Frames dropped: not JSON, wrong schema, oversized, or not meant for this stream. */
  invalidMessages: number;
  /** Seq gaps detected and repaired (by a REST snapshot or a full snapshot message). */
  gapsResynced: number;
  /** Messages whose seq had already been applied. */
  duplicatesIgnored: number;
  /** Connections re-established after the first one (WebSocket or SSE). */
  reconnects: number;
}

export interface ConnectionInfo {
  status: StreamStatus;
  /** What currently delivers data; null while none does. */
  transport: Transport | null;
  /** Client time (epoch ms) data last arrived; null before any. */
  lastUpdate: number | null;
  /** Latest problem in words, for display; null when healthy. */
  error: string | null;
  /** Closed because the page is hidden (`pauseWhenHidden`). */
  paused: boolean;
  /** Seq of the last applied message or snapshot. */
  seq: number | null;
  stats: StreamStats;
}

export type MetricsStreamState = ConnectionInfo & MetricsView;
export type ExecutionStreamState = ConnectionInfo & ExecutionView;

export const ZERO_STATS: StreamStats = Object.freeze({
  invalidMessages: 0,
  gapsResynced: 0,
  duplicatesIgnored: 0,
  reconnects: 0,
});

const INITIAL_CONNECTION: ConnectionInfo = Object.freeze({
  status: 'connecting',
  transport: null,
  lastUpdate: null,
  error: null,
  paused: false,
  seq: null,
  stats: ZERO_STATS,
});

/** What `getSnapshot` returns for a stream nobody subscribes to (stable identity). */
export const IDLE_METRICS_STATE: MetricsStreamState = Object.freeze({
  ...INITIAL_CONNECTION,
  snapshot: null,
  history: Object.freeze([]),
});

export const IDLE_EXECUTION_STATE: ExecutionStreamState = Object.freeze({
  ...INITIAL_CONNECTION,
  execution: null,
});
