import type { OpenedTrace, TraceBackend } from './openTrace';
import type { Trace } from './model';
import type { TraceSummary } from './summary';

export type TraceSourceKind = 'jaeger' | 'tempo';

export interface TraceSearchParams {
  service?: string;
  operation?: string;
  /** Attribute filters, e.g. `{ 'http.status_code': '500' }`. */
  tags?: Readonly<Record<string, string>>;
  /** Go-style durations as both backends accept them: "100ms", "1.5s". */
  minDuration?: string;
  maxDuration?: string;
  limit?: number;
  /** Time range in Unix microseconds. */
  startUs: number;
  endUs: number;
  /** Jaeger's `lookback` ("1h"), sent as is; the range above still applies. */
  lookback?: string;
  /** TraceQL (Tempo only). When set, service, operation and tags are not sent. */
  query?: string;
}

/** One tracing backend, seen through the internal trace model. */
export interface TraceSource {
  readonly kind: TraceSourceKind;
  /** One trace's response as it arrives; the trace worker reads it the same way. */
  openTrace(traceId: string, signal?: AbortSignal): Promise<OpenedTrace>;
  /** The whole trace, read from `openTrace`. */
  getTrace(traceId: string, signal?: AbortSignal): Promise<Trace>;
  /** This backend as plain data, with the headers to send now, for the trace worker. */
  backend(): TraceBackend;
  search(params: TraceSearchParams, signal?: AbortSignal): Promise<TraceSummary[]>;
  services(signal?: AbortSignal): Promise<string[]>;
  operations(service: string, signal?: AbortSignal): Promise<string[]>;
}

export interface TraceSourceConfig {
  kind: TraceSourceKind;
  /** Base URL of the query service, e.g. `http://jaeger:16686` or `/demo/jaeger`. */
  url: string;
  /** Fixed headers, or a function read before every request (a token handed over at run time). */
  headers?: Readonly<Record<string, string>> | (() => Readonly<Record<string, string>>);
  timeoutMs?: number;
}

export const DEFAULT_SEARCH_LIMIT = 20;

/** Joins a base URL (with or without a trailing slash) and an absolute API path. */
export function joinUrl(base: string, path: string, query?: URLSearchParams): string {
  const url = `${base.replace(/\/+$/, '')}${path}`;
  const search = query?.toString() ?? '';
  return search === '' ? url : `${url}?${search}`;
}

/** The headers to send now: fixed ones as they are, a function's current answer. */
export function resolveHeaders(headers: TraceSourceConfig['headers']): Record<string, string> {
  return { ...(typeof headers === 'function' ? headers() : headers) };
}

/** The backend a source config describes, with its headers as they are now. */
export function traceBackendOf(config: TraceSourceConfig): TraceBackend {
  return {
    kind: config.kind,
    url: config.url,
    headers: resolveHeaders(config.headers),
    timeoutMs: config.timeoutMs,
  };
}
