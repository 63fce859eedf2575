import type { StreamSpec } from './streams';

const API = '/api/v1/observability';

/** Absolute http(s) form of the configured base; relative bases resolve against the page. */
export function resolveBase(baseUrl: string, pageHref = globalThis.location?.href): string {
  const absolute = pageHref ? new URL(baseUrl, pageHref) : new URL(baseUrl);
  return absolute.href.replace(/\/+$/, '');
}

export function toWebSocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http(s?):/i, (_match, secure: string) => (secure ? 'wss:' : 'ws:'));
}

export interface GatewayUrls {
  overview: string;
  executions: string;
  execution(id: string): string;
  traces: string;
  trace(traceId: string): string;
  metricsEvents: string;
  socket(stream: StreamSpec): string;
}

export function gatewayUrls(baseUrl: string, pageHref?: string): GatewayUrls {
  const base = resolveBase(baseUrl, pageHref) + API;
  const wsBase = toWebSocketUrl(base);
  return {
    overview: `${base}/overview`,
    executions: `${base}/executions`,
    execution: (id) => `${base}/executions/${encodeURIComponent(id)}`,
    traces: `${base}/traces`,
    trace: (traceId) => `${base}/traces/${encodeURIComponent(traceId)}`,
    metricsEvents: `${base}/metrics/stream`,
    socket: (stream) =>
      stream.kind === 'metrics'
        ? `${wsBase}/ws/metrics`
        : `${wsBase}/ws/executions/${encodeURIComponent(stream.id)}`,
  };
}
