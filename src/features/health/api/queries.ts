import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { PromClient } from '@/datasources/prometheus';
import type { promQueryOptions } from '@/metrics/promQuery';

export function alertsQueryOptions(client: PromClient) {
  return queryOptions({
    queryKey: ['prometheus', client.name, 'alerts'],
    queryFn: ({ signal }) => client.alerts({ signal }),
  });
}

export type SourceStatus = { version: string; latencyMs: number };

export function prometheusStatusQueryOptions(client: PromClient) {
  return queryOptions({
    queryKey: ['prometheus', client.name, 'buildinfo'],
    queryFn: async ({ signal }): Promise<SourceStatus> => {
      const started = performance.now();
      const info = await client.buildInfo({ signal });
      return { version: info.version, latencyMs: Math.round(performance.now() - started) };
    },
  });
}

type FrameOptions = ReturnType<typeof promQueryOptions>;

/**
 * Several panel queries read as one: each is fetched through the cache, so a value already
 * shown by its own panel is not requested again.
 */
export function combinedFramesQueryOptions(
  queryClient: QueryClient,
  name: string,
  parts: FrameOptions[],
) {
  return queryOptions({
    queryKey: ['combined', name, ...parts.map((p) => p.queryKey)],
    queryFn: () => Promise.all(parts.map((p) => queryClient.fetchQuery(p))),
  });
}
