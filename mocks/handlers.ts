import { liveHandlers } from './live';
import { prometheusHandlers } from './prometheus';
import { traceHandlers } from './traces';

/** Base paths the demo config points its data sources at. */
export const DEMO_BASE = {
  prometheus: '/demo/prometheus',
  traces: '/demo/jaeger',
  live: '/demo/gateway',
} as const;

export const handlers = [...prometheusHandlers, ...traceHandlers, ...liveHandlers];
