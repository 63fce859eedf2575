import type { AppConfig } from '@/config/schema';
import type { LiveClient } from '@/datasources/live';
import type { DataSources } from '@/config/dataSources';
import type { LiveSource } from '@/state/connectionStore';
import {
  createPrometheusMetricsSource,
  type PrometheusMetricsSource,
} from './prometheusMetricsSource';

/** The app's one live client and where its metrics come from. */
export interface LiveRuntime {
  /** Null until the provider has created it (its first render). */
  client: LiveClient | null;
  source: LiveSource;
  /** The Prometheus-computed snapshot source, when there is no gateway. */
  prometheus: PrometheusMetricsSource | null;
}

/** A configured gateway wins; without one the metrics are computed from Prometheus. */
export function liveSourceOf(config: AppConfig, sources: Pick<DataSources, 'prometheus'>) {
  if (config.datasources.live) return 'gateway' satisfies LiveSource;
  return sources.prometheus ? ('prometheus' satisfies LiveSource) : null;
}

export function createLiveRuntime(
  config: AppConfig,
  sources: Pick<DataSources, 'prometheus' | 'createLive'>,
  pollIntervalMs: number,
): LiveRuntime & { client: LiveClient } {
  const source = liveSourceOf(config, sources);
  const prometheus =
    source === 'prometheus' && sources.prometheus
      ? createPrometheusMetricsSource(sources.prometheus, config.prices)
      : null;
  const client = sources.createLive({
    pollIntervalMs,
    pollFallback: prometheus ? { metrics: () => prometheus.fetch() } : undefined,
  });
  return { client, source, prometheus };
}
