import type { RequestHandler } from 'msw';

/** Jaeger and Tempo query APIs served from generated traces. */
export const traceHandlers: RequestHandler[] = [];
