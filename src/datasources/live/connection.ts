import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import {
  createExecutionDriver,
  createMetricsDriver,
  type DriverContext,
  type PollFallback,
} from './drivers';
import { DEFAULT_HISTORY_CAPACITY } from './metricsModel';
import { createGatewayRest, type GatewayRest } from './rest';
import {
  defaultFrameScheduler,
  defaultVisibility,
  realTimers,
  type FrameScheduler,
  type Runtime,
  type TimerHandle,
  type Timers,
  type VisibilitySource,
} from './runtime';
import { StreamChannel, type ChannelHandle, type ChannelOptions } from './streamChannel';
import { IDLE_EXECUTION_STATE, IDLE_METRICS_STATE } from './streamState';
import type { Listener } from './streamStore';
import { streamKey, type StreamSpec, type StreamStateFor } from './streams';
import type { EventSourceConstructor, FetchLike, WebSocketConstructor } from './transportTypes';
import { gatewayUrls } from './urls';

export interface LiveClientOptions {
  /** Gateway base URL (absolute, or relative to the page). Absent: poll `pollFallback` only. */
  baseUrl?: string | null;
  /** Defaults to the global WebSocket at connection time; null disables WebSockets. */
  wsImpl?: WebSocketConstructor | null;
  /** Defaults to the global EventSource at connection time; null disables SSE. */
  eventSourceImpl?: EventSourceConstructor | null;
  /** Headers for the gateway's REST requests, read before each (a token handed over at run time). */
  headers?: () => Record<string, string>;
  /** Defaults to the global fetch (tests pass their own). */
  fetchImpl?: FetchLike;
  timers?: Timers;
  now?: () => number;
  random?: () => number;
  /** Batches listener notifications; defaults to requestAnimationFrame (16 ms timer without). */
  scheduleFrame?: FrameScheduler;
  visibility?: VisibilitySource | null;
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  backoff?: Partial<BackoffOptions>;
  fallbackAfterAttempts?: number;
  pauseWhenHidden?: boolean;
  pollIntervalMs?: number;
  probeIntervalMs?: number;
  historyCapacity?: number;
  pollFallback?: PollFallback;
  /** A stream nobody listens to stays connected this long, so quick re-subscribes reuse it. */
  lingerMs?: number;
  warn?: (message: string) => void;
}

/** The `useSyncExternalStore` pair for one stream. */
export interface LiveStream<S> {
  subscribe(listener: Listener<S>): () => void;
  getSnapshot(): S;
}

export interface LiveClient {
  subscribe<S extends StreamSpec>(stream: S, listener: Listener<StreamStateFor<S>>): () => void;
  getSnapshot<S extends StreamSpec>(stream: S): StreamStateFor<S>;
  /** Bound `subscribe`/`getSnapshot` for one stream; memoise it per stream in a hook. */
  stream<S extends StreamSpec>(stream: S): LiveStream<StreamStateFor<S>>;
  /** The gateway's REST endpoints; null when no gateway is configured. */
  readonly rest: GatewayRest | null;
  /** Closes every stream. The client cannot be used afterwards. */
  close(): void;
}

interface Entry {
  channel: ChannelHandle<unknown>;
  refs: number;
  lingerTimer: TimerHandle | null;
}

export const LIVE_CLIENT_DEFAULTS = {
  pingIntervalMs: 30_000,
  pongTimeoutMs: 10_000,
  connectTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
  fallbackAfterAttempts: 3,
  pollIntervalMs: 5_000,
  probeIntervalMs: 15_000,
  lingerMs: 1_000,
} as const;

/**
 * The one live-connection mechanism: every stream (metrics, each execution) is a reference-counted
 * channel with its own socket, state machine and store, shared by all its subscribers.
 */
export function createLiveClient(options: LiveClientOptions = {}): LiveClient {
  const timers = options.timers ?? realTimers;
  const runtime: Runtime = {
    timers,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    scheduleFrame: options.scheduleFrame ?? defaultFrameScheduler(timers),
    visibility: options.visibility === undefined ? defaultVisibility() : options.visibility,
  };
  const urls = options.baseUrl ? gatewayUrls(options.baseUrl) : null;
  const rest = urls
    ? createGatewayRest({
        urls,
        headers: options.headers,
        fetchImpl: options.fetchImpl,
        timeoutMs: options.requestTimeoutMs ?? LIVE_CLIENT_DEFAULTS.requestTimeoutMs,
      })
    : null;
  const context: DriverContext = {
    urls,
    rest,
    pollFallback: options.pollFallback ?? {},
    now: runtime.now,
  };
  const channelOptions: ChannelOptions = {
    wsImpl: () => (options.wsImpl === undefined ? (globalThis.WebSocket ?? null) : options.wsImpl),
    eventSourceImpl: () =>
      options.eventSourceImpl === undefined
        ? (globalThis.EventSource ?? null)
        : options.eventSourceImpl,
    runtime,
    pingIntervalMs: options.pingIntervalMs ?? LIVE_CLIENT_DEFAULTS.pingIntervalMs,
    pongTimeoutMs: options.pongTimeoutMs ?? LIVE_CLIENT_DEFAULTS.pongTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs ?? LIVE_CLIENT_DEFAULTS.connectTimeoutMs,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    fallbackAfterAttempts:
      options.fallbackAfterAttempts ?? LIVE_CLIENT_DEFAULTS.fallbackAfterAttempts,
    pollIntervalMs: options.pollIntervalMs ?? LIVE_CLIENT_DEFAULTS.pollIntervalMs,
    probeIntervalMs: options.probeIntervalMs ?? LIVE_CLIENT_DEFAULTS.probeIntervalMs,
    pauseWhenHidden: options.pauseWhenHidden ?? false,
    warn: options.warn ?? ((message) => console.warn(message)),
  };
  const historyCapacity = options.historyCapacity ?? DEFAULT_HISTORY_CAPACITY;
  const lingerMs = options.lingerMs ?? LIVE_CLIENT_DEFAULTS.lingerMs;
  const entries = new Map<string, Entry>();
  let closed = false;

  function createChannel(spec: StreamSpec): ChannelHandle<unknown> {
    return spec.kind === 'metrics'
      ? new StreamChannel(createMetricsDriver(context, historyCapacity), channelOptions)
      : new StreamChannel(createExecutionDriver(context, spec.id), channelOptions);
  }

  function acquire(spec: StreamSpec): Entry {
    const key = streamKey(spec);
    let entry = entries.get(key);
    if (!entry) {
      entry = { channel: createChannel(spec), refs: 0, lingerTimer: null };
      entries.set(key, entry);
      entry.channel.start();
    }
    if (entry.lingerTimer !== null) timers.clearTimeout(entry.lingerTimer);
    entry.lingerTimer = null;
    entry.refs += 1;
    return entry;
  }

  function release(key: string, entry: Entry): void {
    entry.refs -= 1;
    if (entry.refs > 0) return;
    entry.lingerTimer = timers.setTimeout(() => {
      entry.lingerTimer = null;
      if (entry.refs > 0 || entries.get(key) !== entry) return;
      entries.delete(key);
      entry.channel.stop();
    }, lingerMs);
  }

  function subscribe<S extends StreamSpec>(
    stream: S,
    listener: Listener<StreamStateFor<S>>,
  ): () => void {
    if (closed) throw new Error('The live client is closed');
    const key = streamKey(stream);
    const entry = acquire(stream);
    const unsubscribe = entry.channel.subscribe(listener as Listener<unknown>);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      unsubscribe();
      release(key, entry);
    };
  }

  function getSnapshot<S extends StreamSpec>(stream: S): StreamStateFor<S> {
    const entry = entries.get(streamKey(stream));
    if (entry) return entry.channel.getSnapshot() as StreamStateFor<S>;
    return (
      stream.kind === 'metrics' ? IDLE_METRICS_STATE : IDLE_EXECUTION_STATE
    ) as StreamStateFor<S>;
  }

  return {
    subscribe,
    getSnapshot,
    stream: (spec) => ({
      subscribe: (listener) => subscribe(spec, listener),
      getSnapshot: () => getSnapshot(spec),
    }),
    rest,
    close() {
      closed = true;
      for (const entry of entries.values()) {
        if (entry.lingerTimer !== null) timers.clearTimeout(entry.lingerTimer);
        entry.channel.stop();
      }
      entries.clear();
    },
  };
}
