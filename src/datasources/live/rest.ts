import { fetchJson } from '../http';
import {
  executionListResponseSchema,
  executionResponseSchema,
  overviewResponseSchema,
  traceListResponseSchema,
  type ExecutionListResponse,
  type ExecutionResponse,
  type OverviewResponse,
  type TraceListResponse,
} from './schema';
import type { FetchLike } from './transportTypes';
import type { GatewayUrls } from './urls';

export interface GatewayRest {
  overview(signal?: AbortSignal): Promise<OverviewResponse>;
  executions(options?: { limit?: number; signal?: AbortSignal }): Promise<ExecutionListResponse>;
  execution(id: string, signal?: AbortSignal): Promise<ExecutionResponse>;
  traces(options?: { limit?: number; signal?: AbortSignal }): Promise<TraceListResponse>;
}

export interface GatewayRestOptions {
  urls: GatewayUrls;
  /** Read before every request (a token handed over at run time). */
  headers?: () => Record<string, string>;
  fetchImpl?: FetchLike;
  timeoutMs: number;
}

/** Names the backend in error messages. */
export const GATEWAY_SOURCE = 'the live gateway';

/**
 * The gateway's REST snapshots through the shared fetch wrapper: timeouts, cancellation and
 * readable `DataSourceError`s, each body validated before it is returned.
 */
export function createGatewayRest({
  urls,
  headers,
  fetchImpl,
  timeoutMs,
}: GatewayRestOptions): GatewayRest {
  const adaptedFetch: typeof fetch | undefined =
    fetchImpl &&
    ((input, init) =>
      fetchImpl(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        init,
      ));
  const options = (signal: AbortSignal | undefined) => ({
    fetchImpl: adaptedFetch,
    headers: headers?.(),
    timeoutMs,
    source: GATEWAY_SOURCE,
    signal,
  });
  const withLimit = (url: string, limit?: number) =>
    limit === undefined ? url : `${url}?limit=${encodeURIComponent(String(limit))}`;

  return {
    overview: (signal) =>
      fetchJson(urls.overview, { ...options(signal), schema: overviewResponseSchema }),
    executions: ({ limit, signal } = {}) =>
      fetchJson(withLimit(urls.executions, limit), {
        ...options(signal),
        schema: executionListResponseSchema,
      }),
    execution: (id, signal) =>
      fetchJson(urls.execution(id), { ...options(signal), schema: executionResponseSchema }),
    traces: ({ limit, signal } = {}) =>
      fetchJson(withLimit(urls.traces, limit), {
        ...options(signal),
        schema: traceListResponseSchema,
      }),
  };
}
