import { errorText } from './errors';
import type { PingMessage } from './schema';
import type { TimerHandle, Timers } from './runtime';
import type { WebSocketConstructor, WebSocketLike } from './transportTypes';

export interface WsCloseInfo {
  /** Whether the socket had opened; a close before open means the gateway refused it. */
  opened: boolean;
  reason: string;
}

export interface WsConnectionOptions {
  url: string;
  wsImpl: WebSocketConstructor;
  timers: Timers;
  now: () => number;
  pingIntervalMs: number;
  pongTimeoutMs: number;
  /** A socket neither open nor closed after this long is given up as refused. */
  connectTimeoutMs: number;
  onOpen: () => void;
  onFrame: (data: unknown) => void;
  onClose: (info: WsCloseInfo) => void;
}

/** Close code the client uses when it gives up on a silent socket (application range). */
export const DEAD_SOCKET_CLOSE_CODE = 4000;

const noop = () => {};

/**
 * One WebSocket attempt with liveness checking: a ping every `pingIntervalMs`, and a socket
 * that does not answer with a pong within `pongTimeoutMs` is declared dead. `onClose` fires
 * exactly once, whatever ended the socket, and nothing is delivered after it.
 */
export class WsConnection {
  private socket: WebSocketLike | null = null;
  private opened = false;
  private finished = false;
  private pingCount = 0;
  private pingTimer: TimerHandle | null = null;
  private pongTimer: TimerHandle | null = null;
  private connectTimer: TimerHandle | null = null;

  constructor(private readonly options: WsConnectionOptions) {
    try {
      this.socket = new options.wsImpl(options.url);
    } catch (error) {
      // A malformed URL throws synchronously; report it like any refused socket, but async
      // so callers never see a callback before the constructor returns.
      options.timers.setTimeout(() => this.finish(`cannot open: ${errorText(error)}`), 0);
      return;
    }
    const socket = this.socket;
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => this.handleOpen();
    socket.onmessage = (event) => {
      if (!this.finished) options.onFrame(event.data);
    };
    socket.onerror = () => this.finish(this.opened ? 'socket error' : 'connection refused');
    socket.onclose = (event) => this.finish(describeClose(event.code, event.reason, this.opened));
    this.connectTimer = options.timers.setTimeout(
      () => this.finish(`no answer within ${options.connectTimeoutMs} ms`),
      options.connectTimeoutMs,
    );
  }

  get isOpen(): boolean {
    return this.opened && !this.finished;
  }

  /** Called by the owner when it decoded a pong from this socket. */
  markPong(): void {
    if (this.pongTimer !== null) this.options.timers.clearTimeout(this.pongTimer);
    this.pongTimer = null;
  }

  /** Closes without reporting: the owner already knows. */
  dispose(): void {
    if (this.finished) return;
    this.finished = true;
    this.teardown(1000, 'client closed');
  }

  private handleOpen(): void {
    if (this.finished) return;
    this.opened = true;
    this.clearTimer('connectTimer');
    this.schedulePing();
    this.options.onOpen();
  }

  private schedulePing(): void {
    this.pingTimer = this.options.timers.setTimeout(() => {
      this.sendPing();
      if (!this.finished) this.schedulePing();
    }, this.options.pingIntervalMs);
  }

  private sendPing(): void {
    const now = this.options.now();
    this.pingCount += 1;
    const ping: PingMessage = { type: 'ping', seq: this.pingCount, ts: now, data: { ts: now } };
    try {
      this.socket?.send(JSON.stringify(ping));
    } catch (error) {
      this.finish(`ping failed: ${errorText(error)}`);
      return;
    }
    // One outstanding deadline: a pong answering any ping proves the socket is alive.
    if (this.pongTimer === null) {
      this.pongTimer = this.options.timers.setTimeout(
        () => this.finish(`no pong within ${this.options.pongTimeoutMs} ms`, true),
        this.options.pongTimeoutMs,
      );
    }
  }

  private finish(reason: string, dead = false): void {
    if (this.finished) return;
    this.finished = true;
    this.teardown(dead ? DEAD_SOCKET_CLOSE_CODE : 1000, reason);
    this.options.onClose({ opened: this.opened, reason });
  }

  private teardown(code: number, reason: string): void {
    this.clearTimer('connectTimer');
    this.clearTimer('pingTimer');
    this.clearTimer('pongTimer');
    const socket = this.socket;
    if (!socket) return;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    // Some implementations (the `ws` package) throw on an error event nobody listens to.
    socket.onerror = noop;
    try {
      socket.close(code, reason.slice(0, 120));
    } catch {
      // Already closing or closed.
    }
  }

  private clearTimer(name: 'connectTimer' | 'pingTimer' | 'pongTimer'): void {
    const handle = this[name];
    if (handle !== null) this.options.timers.clearTimeout(handle);
    this[name] = null;
  }
}

function describeClose(code: number, reason: string, opened: boolean): string {
  if (!opened) return `connection refused (code ${code})`;
  return reason ? `closed (code ${code}: ${reason})` : `closed (code ${code})`;
}
