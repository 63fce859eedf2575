import { queryOptions } from '@tanstack/react-query';
import type { TraceSource } from '@/datasources/traces';
import { loadLocalTrace } from './localTrace';
import { isLocalTraceId } from '@/state/openedTraces';

/**
 * One trace by id, from the backend or, for a `local-…` id, from a file opened in this tab.
 * Traces do not change once complete, so a loaded one is not refetched while it is shown.
 */
export function comparedTraceQuery(source: TraceSource | null, sourceKey: string, traceId: string) {
  const local = isLocalTraceId(traceId);
  return queryOptions({
    queryKey: local ? ['traces', 'local', traceId] : ['traces', sourceKey, 'trace', traceId],
    queryFn: ({ signal }) => {
      if (local) return loadLocalTrace(traceId, signal);
      if (!source) {
        throw new Error(
          `No trace backend is configured to load trace ${traceId}: set datasources.traces in config.json.`,
        );
      }
      return source.getTrace(traceId, signal);
    },
    staleTime: Infinity,
    // Big traces are large in memory; do not keep them long after the page is left.
    gcTime: 60_000,
    enabled: traceId !== '',
  });
}
