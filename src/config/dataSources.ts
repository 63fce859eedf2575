import type { AppConfig } from '@/config/schema';
import { createLiveClient, type LiveClient, type LiveClientOptions } from '@/datasources/live';
import { createPromClient, type PromClient } from '@/datasources/prometheus';
import type { TraceSource, TraceSourceConfig } from '@/datasources/traces';
import { openTrace } from '@/datasources/traces/openTrace';
import { traceBackendOf } from '@/datasources/traces/source';

export type DataSources = {
  prometheus: PromClient | null;
  traces: TraceSource | null;
  /**
   * Builds the live client for the configured gateway (none: it only polls `pollFallback`).
   * A factory rather than a client, so its owner can close it and build another.
   */
  createLive: (options?: LiveClientOptions) => LiveClient;
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
  const live = config.datasources.live;
  return {
    prometheus: prom
      ? createPromClient({
          url: prom.url,
          headers: () => ({ ...prom.headers, ...authHeaders() }),
          timeoutMs: prom.timeoutMs,
        })
      : null,
    traces: traces
      ? lazyTraceSource({
          kind: traces.kind,
          url: traces.url,
          headers: () => ({ ...traces.headers, ...authHeaders() }),
          timeoutMs: traces.timeoutMs,
        })
      : null,
    createLive: (options = {}) =>
      createLiveClient({
        baseUrl: live?.url ?? null,
        pauseWhenHidden: live?.pauseWhenHidden,
        fallbackAfterAttempts: live?.fallbackAfterAttempts,
        headers: authHeaders,
        ...options,
      }),
    describe: {
      prometheus: prom?.url ?? null,
      traces: config.datasources.traces
        ? `${config.datasources.traces.kind} ${config.datasources.traces.url}`
        : null,
      live: config.datasources.live?.url ?? null,
    },
  };
}

/**
 * The trace backend's client, with its format adapters loaded on first use rather than with
 * the app: most pages never read a trace on this thread (the trace view reads them in a
 * worker), and loading them cost every page's start.
 */
function lazyTraceSource(config: TraceSourceConfig): TraceSource {
  let source: Promise<TraceSource> | null = null;
  const load = () =>
    (source ??= import('@/datasources/traces/client').then(({ createTraceSource }) =>
      createTraceSource(config),
    ));
  return {
    kind: config.kind,
    openTrace: (traceId, signal) => openTrace(traceBackendOf(config), traceId, { signal }),
    getTrace: async (traceId, signal) => (await load()).getTrace(traceId, signal),
    backend: () => traceBackendOf(config),
    search: async (params, signal) => (await load()).search(params, signal),
    services: async (signal) => (await load()).services(signal),
    operations: async (service, signal) => (await load()).operations(service, signal),
  };
}
