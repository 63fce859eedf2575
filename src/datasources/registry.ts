import type { AppConfig } from '@/config/schema';
import { createPromClient, type PromClient } from './prometheus';

export type DataSources = {
  prometheus: PromClient | null;
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
  return {
    prometheus: prom
      ? createPromClient({
          url: prom.url,
          headers: () => ({ ...prom.headers, ...authHeaders() }),
          timeoutMs: prom.timeoutMs,
        })
      : null,
    describe: {
      prometheus: prom?.url ?? null,
      traces: config.datasources.traces
        ? `${config.datasources.traces.kind} ${config.datasources.traces.url}`
        : null,
      live: config.datasources.live?.url ?? null,
    },
  };
}
