import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { TraceSearchParams, TraceSource } from '@/datasources/traces';

/**
 * One queryOptions factory per trace-backend request. `sourceKey` names the configured backend
 * (`useDataSources().describe.traces`) so two configurations never share a cache entry.
 */

const NAMES_STALE_MS = 5 * 60_000;

export function traceServicesQuery(source: TraceSource, sourceKey: string) {
  return queryOptions({
    queryKey: ['traces', sourceKey, 'services'],
    queryFn: ({ signal }) => source.services(signal),
    staleTime: NAMES_STALE_MS,
  });
}

export function traceOperationsQuery(source: TraceSource, sourceKey: string, service: string) {
  return queryOptions({
    queryKey: ['traces', sourceKey, 'operations', service],
    queryFn: ({ signal }) => source.operations(service, signal),
    staleTime: NAMES_STALE_MS,
    enabled: service !== '',
  });
}

export function traceSearchQuery(
  source: TraceSource,
  sourceKey: string,
  params: TraceSearchParams,
) {
  return queryOptions({
    queryKey: ['traces', sourceKey, 'search', params],
    queryFn: ({ signal }) => source.search(params, signal),
    // A new time range or refresh keeps the last results on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}
