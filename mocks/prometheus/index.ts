import type { RequestHandler } from 'msw';
import { createPrometheusHandlers } from './handlers';

export { createPrometheusHandlers, type PrometheusHandlerOptions } from './handlers';

/** Prometheus HTTP API served from the simulated platform. */
export const prometheusHandlers: RequestHandler[] = createPrometheusHandlers();
