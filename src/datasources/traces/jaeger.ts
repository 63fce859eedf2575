import { z } from 'zod';
import { DataSourceError, fetchJson } from '@/datasources/http';
import { jaegerEnvelopeSchema } from './adapters/jaeger-schema';
import type { TraceSearchParams, TraceSource, TraceSourceConfig } from './source';
import { DEFAULT_SEARCH_LIMIT, joinUrl, resolveHeaders, traceBackendOf } from './source';
import { openTrace, type OpenedTrace, type TraceBackend } from './openTrace';
import { readTrace } from './readTrace';
import { parseJaegerResponse, TraceFormatError } from './detect';
import type { ParseResult, Trace } from './model';
import type { TraceSummary } from './summary';
import { summarizeTrace } from './summary';

const SOURCE = 'Jaeger';

/** `/api/services` and `/api/services/{s}/operations`: `{data: string[] | null, …}`. */
export const jaegerNamesSchema = z.looseObject({ data: z.array(z.string()).nullish() });

/** Jaeger query API v1 (the API Jaeger UI uses). */
export class JaegerSource implements TraceSource {
  readonly kind = 'jaeger' as const;

  constructor(private readonly config: TraceSourceConfig) {}

  async services(signal?: AbortSignal): Promise<string[]> {
    const body = await this.get('/api/services', jaegerNamesSchema, signal);
    return sortedNames(body.data);
  }

  async operations(service: string, signal?: AbortSignal): Promise<string[]> {
    const body = await this.get(
      `/api/services/${encodeURIComponent(service)}/operations`,
      jaegerNamesSchema,
      signal,
    );
    return sortedNames(body.data);
  }

  async search(params: TraceSearchParams, signal?: AbortSignal): Promise<TraceSummary[]> {
    const url = this.url('/api/traces', jaegerSearchQuery(params));
    const body = await fetchJson(url, { ...this.options(signal), schema: jaegerEnvelopeSchema });
    const { traces } = parseOrThrow(body, url);
    return traces.map(summarizeTrace).sort((a, b) => b.startUs - a.startUs);
  }

  openTrace(traceId: string, signal?: AbortSignal): Promise<OpenedTrace> {
    return openTrace(this.backend(), traceId, { signal });
  }

  async getTrace(traceId: string, signal?: AbortSignal): Promise<Trace> {
    return readTrace(await this.openTrace(traceId, signal), traceId, SOURCE);
  }

  backend(): TraceBackend {
    return traceBackendOf(this.config);
  }

  private get<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
    return fetchJson(this.url(path), { ...this.options(signal), schema });
  }

  private url(path: string, query?: URLSearchParams): string {
    return joinUrl(this.config.url, path, query);
  }

  private options(signal: AbortSignal | undefined) {
    return {
      headers: resolveHeaders(this.config.headers),
      signal,
      timeoutMs: this.config.timeoutMs,
      source: SOURCE,
    };
  }
}

/** Query string of `/api/traces`; times in microseconds, tags as JSON as Jaeger UI sends them. */
export function jaegerSearchQuery(params: TraceSearchParams): URLSearchParams {
  const q = new URLSearchParams();
  if (params.service) q.set('service', params.service);
  if (params.operation) q.set('operation', params.operation);
  if (params.tags && Object.keys(params.tags).length > 0)
    q.set('tags', JSON.stringify(params.tags));
  if (params.minDuration) q.set('minDuration', params.minDuration);
  if (params.maxDuration) q.set('maxDuration', params.maxDuration);
  q.set('limit', String(params.limit ?? DEFAULT_SEARCH_LIMIT));
  q.set('start', String(Math.floor(params.startUs)));
  q.set('end', String(Math.ceil(params.endUs)));
  if (params.lookback) q.set('lookback', params.lookback);
  return q;
}

function parseOrThrow(body: unknown, url: string): ParseResult {
  try {
    return parseJaegerResponse(body);
  } catch (error) {
    if (!(error instanceof TraceFormatError)) throw error;
    throw new DataSourceError({
      kind: 'schema',
      url,
      source: SOURCE,
      message: `${SOURCE}: ${error.message}`,
      cause: error,
    });
  }
}

function sortedNames(names: readonly string[] | null | undefined): string[] {
  return [...(names ?? [])].sort((a, b) => a.localeCompare(b));
}
