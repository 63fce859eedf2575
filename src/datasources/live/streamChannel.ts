import { backoffDelay, type BackoffOptions } from './backoff';
import { createWarnOnce, decodeFrame, type InvalidReason } from './decode';
import { errorText } from './errors';
import { Poller } from './poller';
import type { Runtime, TimerHandle } from './runtime';
import type { ServerMessage } from './schema';
import { SseConnection } from './sseConnection';
import { StreamIngest, type SequencedMessage } from './streamIngest';
import type { ConnectionInfo } from './streamState';
import { StreamStore, type Listener } from './streamStore';
import type { EventSourceConstructor, WebSocketConstructor } from './transportTypes';
import { WsConnection } from './wsConnection';

/** What differs between streams: where they connect and how their messages apply. */
export interface StreamDriver<M extends SequencedMessage, V extends object> {
  key: string;
  /** WebSocket URL; null when no gateway is configured. */
  socketUrl: string | null;
  /** Server-Sent Events URL; null when the stream has none. */
  eventsUrl: string | null;
  accepts(message: ServerMessage): message is ServerMessage & M;
  isFull(message: M): boolean;
  apply(message: M): void;
  view(): V;
  /** REST snapshot for gap resync; null when there is none. */
  fetchSnapshot: ((signal: AbortSignal) => Promise<M>) | null;
  /** Snapshot source for polling; null when the stream cannot be polled. */
  poll: ((signal: AbortSignal) => Promise<M>) | null;
  /** The stream can deliver nothing more (a finished execution). */
  isFinished(): boolean;
}

export interface ChannelOptions {
  /** Resolved at each connection, so a WebSocket patched later (e.g. by MSW) is used. */
  wsImpl: () => WebSocketConstructor | null;
  eventSourceImpl: () => EventSourceConstructor | null;
  runtime: Runtime;
  pingIntervalMs: number;
  pongTimeoutMs: number;
  connectTimeoutMs: number;
  backoff: BackoffOptions;
  fallbackAfterAttempts: number;
  pollIntervalMs: number;
  probeIntervalMs: number;
  pauseWhenHidden: boolean;
  warn: (message: string) => void;
}

/** A running stream as the client sees it, whatever its kind. */
export interface ChannelHandle<S> {
  start(): void;
  stop(): void;
  getSnapshot(): S;
  subscribe(listener: Listener<S>): () => void;
}

/**
 * One stream's connection state machine: WebSocket with ping/pong liveness and jittered
 * reconnects; on refusal or repeated failure it steps down to SSE (where the stream has it),
 * then to polling, while probing the WebSocket to climb back up.
 */
export class StreamChannel<M extends SequencedMessage, V extends object> implements ChannelHandle<
  ConnectionInfo & V
> {
  readonly store: StreamStore<V>;
  private readonly ingest: StreamIngest<M>;
  private readonly warnOnce: (reason: InvalidReason, detail: string) => void;
  private socket: WsConnection | null = null;
  private sse: SseConnection | null = null;
  private poller: Poller<M> | null = null;
  private reconnectTimer: TimerHandle | null = null;
  private probeTimer: TimerHandle | null = null;
  private stableTimer: TimerHandle | null = null;
  private failures = 0;
  private everConnected = false;
  private running = false;

  constructor(
    private readonly driver: StreamDriver<M, V>,
    private readonly options: ChannelOptions,
  ) {
    this.store = new StreamStore(() => driver.view(), options.runtime.scheduleFrame);
    this.ingest = new StreamIngest<M>({
      store: this.store,
      runtime: options.runtime,
      apply: (message) => driver.apply(message),
      isFull: (message) => driver.isFull(message),
      fetchSnapshot: driver.fetchSnapshot,
      retryMs: options.backoff.baseMs,
    });
    this.warnOnce = createWarnOnce(`live stream ${driver.key}`, options.warn);
  }

  getSnapshot(): ConnectionInfo & V {
    return this.store.getSnapshot();
  }

  subscribe(listener: Listener<ConnectionInfo & V>): () => void {
    return this.store.subscribe(listener);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const visibility = this.options.pauseWhenHidden ? this.options.runtime.visibility : null;
    visibility?.addEventListener('visibilitychange', this.onVisibilityChange);
    if (visibility?.hidden) this.pause();
    else this.connect();
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.options.runtime.visibility?.removeEventListener(
      'visibilitychange',
      this.onVisibilityChange,
    );
    this.teardownTransports();
    this.ingest.stop();
    this.store.dispose();
  }

  private readonly onVisibilityChange = (): void => {
    if (!this.running) return;
    const hidden = this.options.runtime.visibility?.hidden ?? false;
    if (hidden && !this.store.info.paused) this.pause();
    if (!hidden && this.store.info.paused) {
      this.store.patch({ paused: false });
      this.failures = 0;
      this.connect();
    }
  };

  private pause(): void {
    this.teardownTransports();
    this.ingest.stop();
    this.store.patch({ status: 'offline', transport: null, paused: true, error: null });
  }

  private connect(): void {
    if (this.driver.socketUrl && this.options.wsImpl()) this.openSocket(true);
    else this.startPolling();
  }

  private openSocket(primary: boolean): void {
    const { socketUrl } = this.driver;
    const { runtime } = this.options;
    const wsImpl = this.options.wsImpl();
    if (!socketUrl || !wsImpl) return;
    if (primary) {
      this.store.patch({
        status: this.everConnected ? 'reconnecting' : 'connecting',
        transport: null,
      });
    }
    const socket: WsConnection = new WsConnection({
      url: socketUrl,
      wsImpl,
      timers: runtime.timers,
      now: runtime.now,
      pingIntervalMs: this.options.pingIntervalMs,
      pongTimeoutMs: this.options.pongTimeoutMs,
      connectTimeoutMs: this.options.connectTimeoutMs,
      onOpen: () => this.onSocketOpen(),
      onFrame: (data) => this.onFrame(data, socket),
      onClose: (info) => this.onSocketClose(info),
    });
    this.socket = socket;
  }

  private onSocketOpen(): void {
    this.stopDegraded();
    this.markConnected();
    this.store.patch({ status: 'live', transport: 'websocket', error: null });
    this.stableTimer = this.options.runtime.timers.setTimeout(() => {
      this.stableTimer = null;
      this.failures = 0;
    }, this.options.backoff.resetAfterMs);
  }

  private onSocketClose(info: { opened: boolean; reason: string }): void {
    this.socket = null;
    this.clearTimer('stableTimer');
    if (!this.running) return;
    if (info.opened && this.driver.isFinished()) {
      this.finish();
      return;
    }
    const degraded = this.sse !== null || this.poller !== null;
    if (!info.opened && degraded) {
      // A probe that failed: stay on the fallback transport and try again later.
      this.scheduleProbe();
      return;
    }
    this.failures += 1;
    this.store.patch({ error: info.reason });
    if (!info.opened || this.failures >= this.options.fallbackAfterAttempts) {
      this.enterDegraded();
      return;
    }
    this.store.patch({ status: 'reconnecting', transport: null });
    const delay = backoffDelay(
      this.failures - 1,
      this.options.backoff,
      this.options.runtime.random,
    );
    this.reconnectTimer = this.options.runtime.timers.setTimeout(() => {
      this.reconnectTimer = null;
      this.openSocket(true);
    }, delay);
  }

  private enterDegraded(): void {
    if (this.driver.eventsUrl && this.options.eventSourceImpl()) this.startSse();
    else this.startPolling();
    this.scheduleProbe();
  }

  private startSse(): void {
    const { eventsUrl } = this.driver;
    const { runtime } = this.options;
    const eventSourceImpl = this.options.eventSourceImpl();
    if (!eventsUrl || !eventSourceImpl) return;
    this.store.patch({
      status: this.everConnected ? 'reconnecting' : 'connecting',
      transport: null,
    });
    this.sse = new SseConnection({
      url: eventsUrl,
      eventSourceImpl,
      timers: runtime.timers,
      connectTimeoutMs: this.options.connectTimeoutMs,
      onOpen: () => {
        this.markConnected();
        this.store.patch({ status: 'live', transport: 'sse', error: null });
      },
      onFrame: (data) => this.onFrame(data, null),
      onClose: (info) => {
        this.sse = null;
        if (!this.running) return;
        this.store.patch({ error: info.reason });
        this.startPolling();
      },
    });
  }

  private startPolling(): void {
    const { poll } = this.driver;
    if (!poll) {
      this.store.patch({
        status: 'offline',
        transport: null,
        error: this.store.info.error ?? 'no live gateway configured and no polling source',
      });
      return;
    }
    this.store.patch({ status: 'polling', transport: 'polling' });
    this.poller = new Poller<M>({
      fetch: poll,
      intervalMs: this.options.pollIntervalMs,
      timers: this.options.runtime.timers,
      onResult: (message) => {
        this.ingest.receiveSnapshot(message);
        this.store.patch({ status: 'polling', transport: 'polling', error: null });
        if (this.driver.isFinished()) this.finish();
      },
      onError: (error) => {
        this.store.patch({ status: 'offline', transport: null, error: errorText(error) });
      },
    });
  }

  private scheduleProbe(): void {
    if (!this.driver.socketUrl || !this.options.wsImpl() || this.probeTimer !== null) return;
    this.probeTimer = this.options.runtime.timers.setTimeout(() => {
      this.probeTimer = null;
      if (this.running && this.socket === null) this.openSocket(false);
    }, this.options.probeIntervalMs);
  }

  private onFrame(data: unknown, source: WsConnection | null): void {
    const decoded = decodeFrame(data);
    if (!decoded.ok) {
      this.rejectFrame(decoded.reason, decoded.detail);
      return;
    }
    const message = decoded.message;
    if (message.stream !== undefined && message.stream !== this.driver.key) {
      this.rejectFrame('wrong-stream', `stream "${message.stream}"`);
      return;
    }
    if (message.type === 'pong') source?.markPong();
    else if (message.type === 'error') {
      this.store.patch({ error: `${message.data.code}: ${message.data.message}` });
    } else if (this.driver.accepts(message)) this.ingest.receive(message);
    else this.rejectFrame('unexpected-type', `"${message.type}" on this stream`);
  }

  private rejectFrame(reason: InvalidReason, detail: string): void {
    this.store.count('invalidMessages');
    this.warnOnce(reason, detail);
  }

  private markConnected(): void {
    if (this.everConnected) this.store.count('reconnects');
    this.everConnected = true;
    this.ingest.beginConnection();
  }

  private finish(): void {
    this.teardownTransports();
    this.store.patch({ status: 'offline', transport: null, error: null });
  }

  private stopDegraded(): void {
    this.sse?.dispose();
    this.sse = null;
    this.poller?.stop();
    this.poller = null;
    this.clearTimer('probeTimer');
  }

  private teardownTransports(): void {
    this.socket?.dispose();
    this.socket = null;
    this.stopDegraded();
    this.clearTimer('reconnectTimer');
    this.clearTimer('stableTimer');
  }

  private clearTimer(name: 'reconnectTimer' | 'probeTimer' | 'stableTimer'): void {
    const handle = this[name];
    if (handle !== null) this.options.runtime.timers.clearTimeout(handle);
    this[name] = null;
  }
}
