import { errorText } from './errors';
import type { TimerHandle, Timers } from './runtime';
import type { EventSourceConstructor, EventSourceLike } from './transportTypes';

export interface SseConnectionOptions {
  url: string;
  eventSourceImpl: EventSourceConstructor;
  timers: Timers;
  connectTimeoutMs: number;
  onOpen: () => void;
  onFrame: (data: unknown) => void;
  onClose: (info: { opened: boolean; reason: string }) => void;
}

/**
 * One Server-Sent Events attempt. EventSource would retry by itself after an error; the live
 * client owns retries instead (it steps down to polling and probes the WebSocket), so the first
 * error ends the connection.
 */
export class SseConnection {
  private source: EventSourceLike | null = null;
  private opened = false;
  private finished = false;
  private connectTimer: TimerHandle | null = null;

  constructor(private readonly options: SseConnectionOptions) {
    try {
      this.source = new options.eventSourceImpl(options.url);
    } catch (error) {
      options.timers.setTimeout(() => this.finish(`cannot open: ${errorText(error)}`), 0);
      return;
    }
    const source = this.source;
    source.onopen = () => {
      if (this.finished) return;
      this.opened = true;
      this.clearConnectTimer();
      options.onOpen();
    };
    source.onmessage = (event) => {
      if (!this.finished) options.onFrame(event.data);
    };
    source.onerror = () => this.finish(this.opened ? 'event stream lost' : 'event stream refused');
    this.connectTimer = options.timers.setTimeout(
      () => this.finish(`event stream: no answer within ${options.connectTimeoutMs} ms`),
      options.connectTimeoutMs,
    );
  }

  dispose(): void {
    if (this.finished) return;
    this.finished = true;
    this.teardown();
  }

  private finish(reason: string): void {
    if (this.finished) return;
    this.finished = true;
    this.teardown();
    this.options.onClose({ opened: this.opened, reason });
  }

  private teardown(): void {
    this.clearConnectTimer();
    const source = this.source;
    if (!source) return;
    source.onopen = null;
    source.onmessage = null;
    source.onerror = null;
    source.close();
  }

  private clearConnectTimer(): void {
    if (this.connectTimer !== null) this.options.timers.clearTimeout(this.connectTimer);
    this.connectTimer = null;
  }
}
