import { JaegerSource } from './jaeger';
import type { TraceSource, TraceSourceConfig } from './source';
import { TempoSource } from './tempo';

export type { TraceSearchParams, TraceSource, TraceSourceConfig, TraceSourceKind } from './source';
export { DEFAULT_SEARCH_LIMIT } from './source';

export function createTraceSource(config: TraceSourceConfig): TraceSource {
  return config.kind === 'jaeger' ? new JaegerSource(config) : new TempoSource(config);
}
