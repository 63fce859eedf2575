import type {
  CloseEventLike,
  EventSourceConstructor,
  EventSourceLike,
  MessageEventLike,
  WebSocketConstructor,
  WebSocketLike,
} from '@/datasources/live/transportTypes';

type Handler<E> = ((event: E) => void) | null;

/** A WebSocket whose network side the test plays by hand. */
export class FakeWebSocket implements WebSocketLike {
  readyState = 0;
  binaryType = 'blob';
  onopen: Handler<unknown> = null;
  onmessage: Handler<MessageEventLike> = null;
  onerror: Handler<unknown> = null;
  onclose: Handler<CloseEventLike> = null;
  readonly sent: string[] = [];
  closedWith: { code?: number; reason?: string } | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.readyState = 3;
    this.closedWith = { code, reason };
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(message: unknown): void {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }

  refuse(): void {
    this.readyState = 3;
    this.onerror?.({});
    this.onclose?.({ code: 1006, reason: '' });
  }

  drop(code = 1006, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  pings(): Array<{ type: string; seq: number; data: { ts: number } }> {
    return this.sent.map((frame) => JSON.parse(frame) as never);
  }
}

export class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: Handler<unknown> = null;
  onmessage: Handler<MessageEventLike> = null;
  onerror: Handler<unknown> = null;
  closed = false;

  constructor(readonly url: string) {}

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  fail(): void {
    this.onerror?.({});
  }
}

/** Constructors that record every instance, so a test can reach the latest socket. */
export function fakeTransports() {
  const sockets: FakeWebSocket[] = [];
  const sources: FakeEventSource[] = [];
  const wsImpl: WebSocketConstructor = class extends FakeWebSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  };
  const eventSourceImpl: EventSourceConstructor = class extends FakeEventSource {
    constructor(url: string) {
      super(url);
      sources.push(this);
    }
  };
  const last = <T>(list: T[]): T => {
    const item = list.at(-1);
    if (!item) throw new Error('nothing was opened');
    return item;
  };
  return {
    wsImpl,
    eventSourceImpl,
    sockets,
    sources,
    socket: () => last(sockets),
    source: () => last(sources),
  };
}
