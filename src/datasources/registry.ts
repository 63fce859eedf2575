import type { AppConfig } from '@/config/schema';
import { createPromClient, type PromClient } from './prometheus';
import { createTraceSource, type TraceSource } from './traces';

export type DataSources = {
  prometheus: PromClient | null;
  traces: TraceSource | null;
  /** Headers for trace requests made outside the client (the trace-loading worker). */
  traceHeaders: () => Record<string, string>;
  /** Human-readable identity of each source, for status panels and cache keys. */
  describe: { prometheus: string | null; traces: string | null; live: string | null };
};

/**
 * Builds the clients a config asks for. `authHeaders` is read before every request so a
 * bearer token handed over at run time (embedding) reaches every source without a rebuild.
 */
export function createDataSources(
  config: AppConfig,
  authHeaders: () => Record<string, string> = () => ({}),
): DataSources {
  const prom = config.datasources.prometheus;
  const traces = config.datasources.traces;
  const traceHeaders = () => ({ ...traces?.headers, ...authHeaders() });
  return {
    prometheus: prom
      ? createPromClient({
          url: prom.url,
          headers: () => ({ ...prom.headers, ...authHeaders() }),
          timeoutMs: prom.timeoutMs,
        })
      : null,
    traces: traces
      ? createTraceSource({ kind: traces.kind, url: traces.url, headers: traces.headers, timeoutMs: traces.timeoutMs })
      : null,
    traceHeaders,
    describe: {
      prometheus: prom?.url ?? null,
      traces: config.datasources.traces
        ? `${config.datasources.traces.kind} ${config.datasources.traces.url}`
        : null,
      live: config.datasources.live?.url ?? null,
    },
  };
}
