import { queryOptions, skipToken } from '@tanstack/react-query';
import type { PromClient } from '@/datasources/prometheus';
import type { AbsoluteTimeRange } from '@/lib/time';

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

/** Values of one label among the series `matcher` selects; asks nothing without a matcher. */
export function labelValuesQueryOptions(
  client: PromClient | null,
  label: string,
  matcher: string | null,
  range: AbsoluteTimeRange,
) {
  return queryOptions({
    queryKey: ['prometheus', client?.name, 'label-values', label, matcher, range.from, range.to],
    queryFn:
      client && matcher
        ? ({ signal }) =>
            client.labelValues(label, {
              match: [matcher],
              start: range.from,
              end: range.to,
              signal,
            })
        : skipToken,
  });
}
