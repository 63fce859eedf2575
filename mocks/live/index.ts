import type { RequestHandler, WebSocketHandler } from 'msw';

/** The observability gateway: REST snapshots, WebSocket and SSE streams. */
export const liveHandlers: Array<RequestHandler | WebSocketHandler> = [];
