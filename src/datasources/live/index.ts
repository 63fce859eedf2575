export { createLiveClient, LIVE_CLIENT_DEFAULTS } from './connection';
export type { LiveClient, LiveClientOptions, LiveStream } from './connection';
export type { PollFallback } from './drivers';
export { METRICS_STREAM, executionStream, streamKey } from './streams';
export type { ExecutionStreamSpec, MetricsStreamSpec, StreamSpec, StreamStateFor } from './streams';
export { IDLE_EXECUTION_STATE, IDLE_METRICS_STATE } from './streamState';
export type {
  ConnectionInfo,
  ExecutionStreamState,
  MetricsStreamState,
  StreamStats,
  StreamStatus,
  Transport,
} from './streamState';
export type { MetricsSample } from './metricsModel';
export { compareSteps } from './executionModel';
export { RingBuffer } from './ringBuffer';
export { backoffDelay, DEFAULT_BACKOFF } from './backoff';
export type { BackoffOptions } from './backoff';
export { createGatewayRest } from './rest';
export type { GatewayRest, GatewayRestOptions } from './rest';
export { gatewayUrls } from './urls';
export type { GatewayUrls } from './urls';
export { DataSourceError } from '../http';
export type { Listener } from './streamStore';
export type { FrameScheduler, Timers, VisibilitySource } from './runtime';
export type { EventSourceConstructor, FetchLike, WebSocketConstructor } from './transportTypes';
export * from './schema';
