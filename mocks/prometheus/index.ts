import type { RequestHandler } from 'msw';

/** Prometheus HTTP API served from the simulated platform. */
export const prometheusHandlers: RequestHandler[] = [];
