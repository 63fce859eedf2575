/**
 * Structural types of the browser WebSocket and EventSource, so the client accepts the DOM
 * classes, the `ws` package and test doubles alike.
 */

// Bivariant handler properties: implementations declare narrower event types than ours.
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

export interface MessageEventLike {
  data: unknown;
}

export interface CloseEventLike {
  code: number;
  reason: string;
}

export interface WebSocketLike {
  readonly readyState: number;
  binaryType: string;
  onopen: Handler<unknown> | null;
  onmessage: Handler<MessageEventLike> | null;
  onerror: Handler<unknown> | null;
  onclose: Handler<CloseEventLike> | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface EventSourceLike {
  readonly readyState: number;
  onopen: Handler<unknown> | null;
  onmessage: Handler<MessageEventLike> | null;
  onerror: Handler<unknown> | null;
  close(): void;
}

export type EventSourceConstructor = new (url: string) => EventSourceLike;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
