import { z } from 'zod';
import { DataSourceError, fetchJson } from '@/datasources/http';
import type { TraceSearchParams, TraceSource, TraceSourceConfig } from './source';
import { DEFAULT_SEARCH_LIMIT, joinUrl, resolveHeaders, traceBackendOf } from './source';
import { openTrace, type OpenedTrace, type TraceBackend } from './openTrace';
import { readTrace } from './readTrace';
import { normalizeHexId } from './ids';
import type { Trace } from './model';
import type { TraceSummary } from './summary';
import { nanosToMicros } from './time';

const SOURCE = 'Tempo';
const int64 = z.union([z.string(), z.number()]);

const spanSetSchema = z.looseObject({
  spans: z
    .array(
      z.looseObject({
        spanID: z.string(),
        startTimeUnixNano: int64.nullish(),
        durationNanos: int64.nullish(),
        attributes: z.array(z.unknown()).nullish(),
      }),
    )
    .nullish(),
  matched: z.number().nullish(),
});

export const tempoSearchTraceSchema = z.looseObject({
  traceID: z.string(),
  rootServiceName: z.string().nullish(),
  rootTraceName: z.string().nullish(),
  startTimeUnixNano: int64.nullish(),
  durationMs: z.number().nullish(),
  spanSet: spanSetSchema.nullish(),
  spanSets: z.array(spanSetSchema).nullish(),
  serviceStats: z
    .record(
      z.string(),
      z.looseObject({ spanCount: z.number().nullish(), errorCount: z.number().nullish() }),
    )
    .nullish(),
});
type TempoSearchTrace = z.infer<typeof tempoSearchTraceSchema>;

/** `GET /api/search`, tag-based or TraceQL. */
export const tempoSearchResponseSchema = z.looseObject({
  traces: z.array(tempoSearchTraceSchema).nullish(),
  metrics: z.looseObject({}).nullish(),
});

/** `/api/search/tag/{name}/values` (v1: strings) and `/api/v2/…` (typed values). */
const tagValuesSchema = z.looseObject({
  tagValues: z.array(z.union([z.string(), z.looseObject({ value: z.string() })])).nullish(),
});
const tagNamesSchema = z.looseObject({ tagNames: z.array(z.string()).nullish() });

/** Grafana Tempo's HTTP API. */
export class TempoSource implements TraceSource {
  readonly kind = 'tempo' as const;

  constructor(private readonly config: TraceSourceConfig) {}

  async services(signal?: AbortSignal): Promise<string[]> {
    return this.tagValues('/api/search/tag/service.name/values', undefined, signal);
  }

  /** Span names of one service (Tempo ≥ 2.2 scopes by TraceQL); older Tempo lists all names. */
  async operations(service: string, signal?: AbortSignal): Promise<string[]> {
    const scoped = new URLSearchParams({
      q: `{ resource.service.name = ${traceQlString(service)} }`,
    });
    try {
      return await this.tagValues('/api/v2/search/tag/name/values', scoped, signal);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      return this.tagValues('/api/search/tag/name/values', undefined, signal);
    }
  }

  async tagNames(signal?: AbortSignal): Promise<string[]> {
    const body = await fetchJson(this.url('/api/search/tags'), {
      ...this.options(signal),
      schema: tagNamesSchema,
    });
    return [...(body.tagNames ?? [])].sort((a, b) => a.localeCompare(b));
  }

  async search(params: TraceSearchParams, signal?: AbortSignal): Promise<TraceSummary[]> {
    const url = this.url('/api/search', tempoSearchQuery(params));
    const body = await fetchJson(url, {
      ...this.options(signal),
      schema: tempoSearchResponseSchema,
    });
    return (body.traces ?? []).map(tempoTraceSummary);
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

  private async tagValues(
    path: string,
    query: URLSearchParams | undefined,
    signal?: AbortSignal,
  ): Promise<string[]> {
    const body = await fetchJson(this.url(path, query), {
      ...this.options(signal),
      schema: tagValuesSchema,
    });
    const values = (body.tagValues ?? []).map((v) => (typeof v === 'string' ? v : v.value));
    return [...new Set(values)].sort((a, b) => a.localeCompare(b));
  }

  private url(path: string, query?: URLSearchParams): string {
    return joinUrl(this.config.url, path, query);
  }

  private options(signal: AbortSignal | undefined) {
    return {
      headers: { Accept: 'application/json', ...resolveHeaders(this.config.headers) },
      signal,
      timeoutMs: this.config.timeoutMs,
      source: SOURCE,
    };
  }
}

/**
 * Query string of `/api/search`; times in seconds. TraceQL goes in `q`; otherwise service,
 * operation and tags go in `tags` as logfmt, which every Tempo version understands.
 */
export function tempoSearchQuery(params: TraceSearchParams): URLSearchParams {
  const q = new URLSearchParams();
  if (params.query) {
    q.set('q', params.query);
  } else {
    const tags: Array<[string, string]> = [];
    if (params.service) tags.push(['service.name', params.service]);
    if (params.operation) tags.push(['name', params.operation]);
    for (const [key, value] of Object.entries(params.tags ?? {})) tags.push([key, value]);
    if (tags.length > 0) q.set('tags', tags.map(([k, v]) => `${k}=${logfmtValue(v)}`).join(' '));
  }
  if (params.minDuration) q.set('minDuration', params.minDuration);
  if (params.maxDuration) q.set('maxDuration', params.maxDuration);
  q.set('limit', String(params.limit ?? DEFAULT_SEARCH_LIMIT));
  q.set('start', String(Math.floor(params.startUs / 1e6)));
  q.set('end', String(Math.ceil(params.endUs / 1e6)));
  return q;
}

/** A search hit as a summary. Span and error counts are known only from `serviceStats`. */
export function tempoTraceSummary(hit: TempoSearchTrace): TraceSummary {
  const stats = Object.entries(hit.serviceStats ?? {});
  const known = stats.length > 0;
  return {
    traceId: normalizeHexId(hit.traceID),
    rootService: hit.rootServiceName ?? null,
    rootOperation: hit.rootTraceName ?? null,
    startUs: hit.startTimeUnixNano == null ? 0 : nanosToMicros(hit.startTimeUnixNano),
    durationUs: (hit.durationMs ?? 0) * 1000,
    spanCount: known ? stats.reduce((sum, [, s]) => sum + (s.spanCount ?? 0), 0) : null,
    errorCount: known ? stats.reduce((sum, [, s]) => sum + (s.errorCount ?? 0), 0) : null,
    services: stats
      .map(([name, s]) => ({ name, count: s.spanCount ?? 0 }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}

function logfmtValue(value: string): string {
  return /^[^\s"=]+$/.test(value)
    ? value
    : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function traceQlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function isNotFound(error: unknown): boolean {
  return error instanceof DataSourceError && error.status === 404;
}
