import type { z } from 'zod';
import {
  DataSourceError,
  createAbortedError,
  fetchJsonWithMeta,
  parseWithSchema,
  type RequestMeta,
} from '../http';
import { createInflightDeduper } from './dedupe';
import { toPromStep, toPromTime, toSearchParams, type ParamValue } from './params';
import {
  alertsSchema,
  buildInfoSchema,
  envelopeSchema,
  exemplarSeriesSchema,
  labelNamesSchema,
  labelValuesSchema,
  matrixDataSchema,
  metadataSchema,
  queryDataSchema,
  ruleGroupsSchema,
  seriesSchema,
  targetMetadataSchema,
  targetsSchema,
  type Alert,
  type BuildInfo,
  type ExemplarSeries,
  type Labels,
  type MatrixData,
  type MetricMetadata,
  type QueryData,
  type RuleGroup,
  type TargetMetadata,
  type Targets,
} from './schemas';

/** Fixed headers, or a function read before every request (for a token that can change). */
export type HeaderSource = Record<string, string> | (() => Record<string, string>);

export interface PromClientOptions {
  /** Base URL of the API, absolute or relative to the page, e.g. `https://prom:9090` or `/prom`. */
  url: string;
  /** Sent on every request: Authorization, X-Scope-OrgID for multi-tenant backends. */
  headers?: HeaderSource;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  /** Name shown in error messages; defaults to "Prometheus". */
  name?: string;
}

export interface PromRequestMeta extends RequestMeta {
  /** The form body of a POST, for the Inspect view. */
  requestBody?: string;
}

interface Annotations {
  warnings: string[];
  infos: string[];
  meta: PromRequestMeta;
}
export type QueryResult = QueryData & Annotations;
export type RangeQueryResult = MatrixData & Annotations;

interface Signalled {
  signal?: AbortSignal;
}
/** Times are epoch milliseconds. */
interface TimeBounds extends Signalled {
  start?: number;
  end?: number;
}
interface LabelQuery extends TimeBounds {
  match?: string[];
}

export interface PromClient {
  readonly name: string;
  query(expr: string, opts?: { time?: number } & Signalled): Promise<QueryResult>;
  /** `step` is in seconds, e.g. from `computeStep`. */
  queryRange(
    expr: string,
    opts: { start: number; end: number; step: number } & Signalled,
  ): Promise<RangeQueryResult>;
  series(matchers: string[], opts?: TimeBounds): Promise<Labels[]>;
  labels(opts?: LabelQuery): Promise<string[]>;
  labelValues(name: string, opts?: LabelQuery): Promise<string[]>;
  exemplars(
    expr: string,
    opts: { start: number; end: number } & Signalled,
  ): Promise<ExemplarSeries[]>;
  alerts(opts?: Signalled): Promise<Alert[]>;
  rules(opts?: { type?: 'alert' | 'record' } & Signalled): Promise<RuleGroup[]>;
  buildInfo(opts?: Signalled): Promise<BuildInfo>;
  metadata(
    opts?: { metric?: string; limit?: number } & Signalled,
  ): Promise<Record<string, MetricMetadata[]>>;
  targets(opts?: { state?: 'active' | 'dropped' | 'any' } & Signalled): Promise<Targets>;
  targetMetadata(
    opts?: { matchTarget?: string; metric?: string; limit?: number } & Signalled,
  ): Promise<TargetMetadata[]>;
}

type Method = 'GET' | 'POST';

interface Decoded<T> {
  data: T;
  warnings: string[];
  infos: string[];
  meta: PromRequestMeta;
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

export function createPromClient(opts: PromClientOptions): PromClient {
  const name = opts.name ?? 'Prometheus';
  const base = opts.url.replace(/\/+$/, '');
  const deduper = createInflightDeduper();
  // Some proxies in front of Prometheus only allow GET; after one 405 this client stops trying POST.
  let postAllowed = true;

  const resolveHeaders = (): Record<string, string> =>
    typeof opts.headers === 'function' ? opts.headers() : (opts.headers ?? {});

  async function decode<T>(
    { method, url, body, headers }: PreparedRequest,
    dataSchema: z.ZodType<T>,
    signal: AbortSignal,
  ): Promise<Decoded<T>> {
    const response = await fetchJsonWithMeta(url, {
      schema: envelopeSchema,
      method,
      headers,
      body,
      signal,
      timeoutMs: opts.timeoutMs,
      fetchImpl: opts.fetchImpl,
      source: name,
    });
    const envelope = response.data;
    if (envelope.status === 'error') throw apiError(envelope, url, response.status, name);
    const data = parseWithSchema(dataSchema, envelope.data, {
      url,
      source: name,
      pathPrefix: ['data'],
    });
    const { data: _envelope, ...meta } = response;
    return {
      data,
      warnings: envelope.warnings,
      infos: envelope.infos,
      meta: body === undefined ? meta : { ...meta, requestBody: body },
    };
  }

  function send<T>(
    method: Method,
    path: string,
    params: Record<string, ParamValue>,
    dataSchema: z.ZodType<T>,
    signal: AbortSignal | undefined,
  ): Promise<Decoded<T>> {
    const prepared = prepare(method, `${base}${path}`, params, resolveHeaders());
    const key = [method, prepared.url, prepared.body ?? '', headerKey(prepared.headers)].join('\n');
    return deduper.run(key, (shared) => decode(prepared, dataSchema, shared), {
      signal,
      abortError: () => createAbortedError(prepared.url, name),
    });
  }

  /** POST (no URL length limit for long queries), falling back to GET where POST is refused. */
  async function request<T>(
    path: string,
    params: Record<string, ParamValue>,
    dataSchema: z.ZodType<T>,
    signal: AbortSignal | undefined,
    preferPost = false,
  ): Promise<Decoded<T>> {
    if (!preferPost || !postAllowed) return send('GET', path, params, dataSchema, signal);
    try {
      return await send('POST', path, params, dataSchema, signal);
    } catch (error) {
      if (!(error instanceof DataSourceError) || error.status !== 405) throw error;
      postAllowed = false;
      return send('GET', path, params, dataSchema, signal);
    }
  }

  const get = async <T>(
    path: string,
    params: Record<string, ParamValue>,
    dataSchema: z.ZodType<T>,
    signal: AbortSignal | undefined,
  ): Promise<T> => (await request(path, params, dataSchema, signal)).data;

  const toResult = <T extends object>(decoded: Decoded<T>): T & Annotations => ({
    ...decoded.data,
    warnings: decoded.warnings,
    infos: decoded.infos,
    meta: decoded.meta,
  });

  return {
    name,

    async query(expr, { time, signal } = {}) {
      const params = { query: expr, time: optionalTime(time) };
      return toResult(await request('/api/v1/query', params, queryDataSchema, signal, true));
    },

    async queryRange(expr, { start, end, step, signal }) {
      const params = {
        query: expr,
        start: toPromTime(start),
        end: toPromTime(end),
        step: toPromStep(step),
      };
      return toResult(await request('/api/v1/query_range', params, matrixDataSchema, signal, true));
    },

    async series(matchers, { start, end, signal } = {}) {
      const params = { 'match[]': matchers, start: optionalTime(start), end: optionalTime(end) };
      return (await request('/api/v1/series', params, seriesSchema, signal, true)).data;
    },

    labels({ match, start, end, signal } = {}) {
      const params = { 'match[]': match, start: optionalTime(start), end: optionalTime(end) };
      return get('/api/v1/labels', params, labelNamesSchema, signal);
    },

    labelValues(labelName, { match, start, end, signal } = {}) {
      const params = { 'match[]': match, start: optionalTime(start), end: optionalTime(end) };
      const path = `/api/v1/label/${encodeURIComponent(labelName)}/values`;
      return get(path, params, labelValuesSchema, signal);
    },

    exemplars(expr, { start, end, signal }) {
      const params = { query: expr, start: toPromTime(start), end: toPromTime(end) };
      return get('/api/v1/query_exemplars', params, exemplarSeriesSchema, signal);
    },

    async alerts({ signal } = {}) {
      return (await get('/api/v1/alerts', {}, alertsSchema, signal)).alerts;
    },

    async rules({ type, signal } = {}) {
      return (await get('/api/v1/rules', { type }, ruleGroupsSchema, signal)).groups;
    },

    buildInfo({ signal } = {}) {
      return get('/api/v1/status/buildinfo', {}, buildInfoSchema, signal);
    },

    metadata({ metric, limit, signal } = {}) {
      return get('/api/v1/metadata', { metric, limit }, metadataSchema, signal);
    },

    targets({ state, signal } = {}) {
      return get('/api/v1/targets', { state }, targetsSchema, signal);
    },

    targetMetadata({ matchTarget, metric, limit, signal } = {}) {
      const params = { match_target: matchTarget, metric, limit };
      return get('/api/v1/targets/metadata', params, targetMetadataSchema, signal);
    },
  };
}

interface PreparedRequest {
  method: Method;
  url: string;
  body?: string;
  headers: Record<string, string>;
}

function prepare(
  method: Method,
  url: string,
  params: Record<string, ParamValue>,
  headers: Record<string, string>,
): PreparedRequest {
  const encoded = toSearchParams(params).toString();
  if (method === 'POST') {
    return {
      method,
      url,
      body: encoded,
      headers: { ...headers, 'Content-Type': FORM_CONTENT_TYPE },
    };
  }
  return { method, url: encoded === '' ? url : `${url}?${encoded}`, headers };
}

function optionalTime(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : toPromTime(ms);
}

function headerKey(headers: Record<string, string>): string {
  const entries = Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v] as const);
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A 2xx body that still says `"status": "error"`; the usual HTTP error path never sees it. */
function apiError(
  envelope: z.output<typeof envelopeSchema>,
  url: string,
  status: number,
  source: string,
): DataSourceError {
  const text = envelope.error ?? 'unknown error';
  const serverMessage = envelope.errorType ? `${envelope.errorType}: ${text}` : text;
  return new DataSourceError({
    kind: 'api',
    url,
    status,
    source,
    serverMessage,
    errorType: envelope.errorType,
    message: `${source} returned an error: ${serverMessage}`,
  });
}
