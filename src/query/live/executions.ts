import { queryOptions } from '@tanstack/react-query';
import type { GatewayRest } from '@/datasources/live';

export const RECENT_EXECUTIONS_LIMIT = 100;

/**
 * Recent runs from the gateway, newest first. `gateway` (the configured URL) is in the key so
 * two configurations never share a cache entry.
 */
export function recentExecutionsQueryOptions(
  rest: GatewayRest,
  gateway: string,
  {
    limit = RECENT_EXECUTIONS_LIMIT,
    refetchIntervalMs = null,
  }: {
    limit?: number;
    refetchIntervalMs?: number | null;
  } = {},
) {
  return queryOptions({
    queryKey: ['live', gateway, 'executions', limit],
    queryFn: async ({ signal }) => (await rest.executions({ limit, signal })).data,
    refetchInterval: refetchIntervalMs ?? false,
  });
}
