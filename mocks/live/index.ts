import type { RequestHandler, WebSocketHandler } from 'msw';
import { createLiveHandlers } from './handlers';

export { createLiveHandlers } from './handlers';
export type { LiveHandlersOptions } from './handlers';
export {
  isDemoFlapping,
  isDemoRefusingSockets,
  setDemoFlapping,
  setDemoRefusingSockets,
} from './flapping';

/** Where the demo config points its live gateway. */
export const DEMO_GATEWAY_BASE = '/demo/gateway';

/** The observability gateway: REST snapshots, WebSocket and SSE streams. */
export const liveHandlers: Array<RequestHandler | WebSocketHandler> = createLiveHandlers({
  base: DEMO_GATEWAY_BASE,
});
