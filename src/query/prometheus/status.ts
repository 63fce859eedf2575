import { queryOptions } from '@tanstack/react-query';
import type { PromClient } from '@/datasources/prometheus';

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
