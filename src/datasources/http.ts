import type { z } from 'zod';

/**
 * The one fetch wrapper every data-source client uses. Every failure becomes a
 * `DataSourceError` whose `message` a user can read and which carries the server's own words
 * where the server gave any.
 *
 * Timing for the panel Inspect view: `fetchJsonWithMeta` returns the data together with a
 * `RequestMeta` (status, duration, URL, method). `fetchJson` is the same call without the meta.
 */

export type DataSourceErrorKind =
  'network' | 'timeout' | 'aborted' | 'http' | 'parse' | 'api' | 'schema';

export interface DataSourceErrorInit {
  kind: DataSourceErrorKind;
  message: string;
  url: string;
  status?: number;
  source?: string;
  serverMessage?: string;
  /** Machine-readable error class from the server, e.g. Prometheus' `bad_data`. */
  errorType?: string;
  cause?: unknown;
}

export class DataSourceError extends Error {
  readonly kind: DataSourceErrorKind;
  readonly url: string;
  readonly status?: number;
  readonly source?: string;
  readonly serverMessage?: string;
  readonly errorType?: string;

  constructor(init: DataSourceErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'DataSourceError';
    this.kind = init.kind;
    this.url = init.url;
    this.status = init.status;
    this.source = init.source;
    this.serverMessage = init.serverMessage;
    this.errorType = init.errorType;
  }
}

/**
 * True for a request the caller cancelled (component unmounted, query superseded), which UI
 * code should ignore. A timeout is not an abort: the user needs to see it.
 */
export function isAbortError(error: unknown): boolean {
  if (error instanceof DataSourceError) return error.kind === 'aborted';
  // `instanceof DOMException` fails across realms (jsdom vs Node), so compare the name.
  return error instanceof Error && error.name === 'AbortError';
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** How much of a non-JSON body goes into a message: enough to recognise, short enough to read. */
export const BODY_SNIPPET_CHARS = 300;

export interface RequestOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: BodyInit;
  signal?: AbortSignal;
  /** Defaults to `DEFAULT_TIMEOUT_MS`; `0` or `Infinity` disables the timeout. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  /** Human name of the backend used in messages, e.g. "Prometheus". */
  source?: string;
}

export interface FetchJsonOptions<T> extends RequestOptions {
  schema: z.ZodType<T>;
}

export interface RequestMeta {
  url: string;
  method: 'GET' | 'POST';
  status: number;
  durationMs: number;
  /** Length of the response body in characters. */
  responseSize: number;
}

export interface WithMeta<T> extends RequestMeta {
  data: T;
}

interface RawResponse {
  response: Response;
  text: string;
  durationMs: number;
}

export async function fetchJsonWithMeta<T>(
  url: string,
  opts: FetchJsonOptions<T>,
): Promise<WithMeta<T>> {
  const { response, text, durationMs } = await send(url, opts);
  const json = parseJson(text, url, opts.source);
  const data = parseWithSchema(opts.schema, json, { url, source: opts.source });
  return {
    data,
    url,
    method: opts.method ?? 'GET',
    status: response.status,
    durationMs,
    responseSize: text.length,
  };
}

export async function fetchJson<T>(url: string, opts: FetchJsonOptions<T>): Promise<T> {
  return (await fetchJsonWithMeta(url, opts)).data;
}

/** For bodies that are not JSON (e.g. a trace file served as text); same error handling. */
export async function fetchText(url: string, opts: RequestOptions = {}): Promise<string> {
  return (await send(url, opts)).text;
}

/**
 * Validates a value with a zod schema, turning the first issue into a `schema` error. Exported
 * so clients that validate in two steps (envelope first, then payload) report the same way.
 */
export function parseWithSchema<T>(
  schema: z.ZodType<T>,
  value: unknown,
  ctx: { url: string; source?: string; pathPrefix?: ReadonlyArray<PropertyKey> },
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = formatIssuePath([...(ctx.pathPrefix ?? []), ...(issue?.path ?? [])]);
  const where = path === '' ? '' : ` at ${path}`;
  throw new DataSourceError({
    kind: 'schema',
    url: ctx.url,
    source: ctx.source,
    message: `${subject(ctx.source)} returned data in an unexpected shape${where}: ${issue?.message ?? 'invalid value'}`,
    cause: parsed.error,
  });
}

export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out === '' ? name : `${out}.${name}`;
  }, '');
}

async function send(url: string, opts: RequestOptions): Promise<RawResponse> {
  const fetchImpl = opts.fetchImpl ?? globalThis.fetch;
  const source = opts.source;
  if (opts.signal?.aborted) throw createAbortedError(url, source, opts.signal.reason);

  const cancel = linkCancellation(opts.signal, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const started = performance.now();
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: opts.method ?? 'GET',
        headers: opts.headers,
        body: opts.body,
        signal: cancel.signal,
      });
    } catch (error) {
      throw transportError(error, url, source, cancel, opts);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      // The timeout and the caller's signal also cover reading the body.
      throw transportError(error, url, source, cancel, opts);
    }
    if (!response.ok) throw httpError(response, text, url, source);
    return { response, text, durationMs: performance.now() - started };
  } finally {
    cancel.dispose();
  }
}

interface Cancellation {
  signal: AbortSignal;
  timedOut: () => boolean;
  callerAborted: () => boolean;
  dispose: () => void;
}

/**
 * Combines the caller's signal with a timeout. Done by hand rather than with `AbortSignal.any`
 * so it works in every supported browser, says which of the two fired, and clears its timer.
 */
function linkCancellation(callerSignal: AbortSignal | undefined, timeoutMs: number): Cancellation {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer =
    Number.isFinite(timeoutMs) && timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs)
      : undefined;
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    callerAborted: () => callerSignal?.aborted === true,
    dispose: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

function transportError(
  error: unknown,
  url: string,
  source: string | undefined,
  cancel: Cancellation,
  opts: RequestOptions,
): DataSourceError {
  if (error instanceof DataSourceError) return error;
  if (cancel.callerAborted()) return createAbortedError(url, source, error);
  if (cancel.timedOut()) {
    return new DataSourceError({
      kind: 'timeout',
      url,
      source,
      message: `${capitalize(subject(source))} did not answer within ${formatDuration(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS)}`,
      cause: error,
    });
  }
  return new DataSourceError({
    kind: 'network',
    url,
    source,
    message: `Cannot reach ${subject(source)} at ${displayUrl(url)}: ${networkReason(error)}. Check the URL, that the server is up and that it allows requests from this page (CORS).`,
    cause: error,
  });
}

/** The error a caller sees after cancelling its own request; `isAbortError` recognises it. */
export function createAbortedError(
  url: string,
  source: string | undefined,
  cause?: unknown,
): DataSourceError {
  return new DataSourceError({
    kind: 'aborted',
    url,
    source,
    message: `Request to ${subject(source)} was cancelled`,
    cause,
  });
}

function httpError(
  response: Response,
  text: string,
  url: string,
  source: string | undefined,
): DataSourceError {
  const server = extractServerMessage(text, response.headers.get('content-type'));
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const head = `${capitalize(subject(source))} returned ${status}`;
  return new DataSourceError({
    kind: 'http',
    url,
    source,
    status: response.status,
    serverMessage: server?.message,
    errorType: server?.errorType,
    message: server ? `${head}: ${server.message}` : head,
  });
}

function parseJson(text: string, url: string, source: string | undefined): unknown {
  const fail = (detail: string, cause?: unknown) =>
    new DataSourceError({
      kind: 'parse',
      url,
      source,
      message: `${capitalize(subject(source))} returned invalid JSON: ${detail}`,
      cause,
    });
  if (text.trim() === '') throw fail('the response body is empty');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw fail(snippet(text), error);
  }
}

export interface ServerMessage {
  message: string;
  errorType?: string;
}

/**
 * Pulls the human-readable message out of an error body. Knows Prometheus
 * (`{status, errorType, error}`), Jaeger (`{errors: [{code, msg}]}`) and the common
 * `{message}` / `{error: string | {message}}` shapes; anything else is shown as text.
 */
export function extractServerMessage(
  text: string,
  contentType: string | null,
): ServerMessage | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const fromJson = messageFromJson(trimmed);
  if (fromJson) return fromJson;
  const looksLikeHtml = contentType?.includes('html') === true || trimmed.startsWith('<');
  const plain = looksLikeHtml ? htmlToText(trimmed) : trimmed;
  return plain === '' ? undefined : { message: snippet(plain) };
}

function messageFromJson(text: string): ServerMessage | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(body)) return undefined;
  const { error, errorType, errors, message } = body;
  if (typeof error === 'string' && typeof errorType === 'string' && errorType !== '') {
    return { message: `${errorType}: ${error}`, errorType };
  }
  if (Array.isArray(errors)) {
    const messages = errors
      .map((e) => (isRecord(e) && typeof e.msg === 'string' ? e.msg : undefined))
      .filter((m): m is string => m !== undefined && m !== '');
    if (messages.length > 0) return { message: snippet(messages.join('; ')) };
  }
  if (typeof message === 'string' && message !== '') return { message: snippet(message) };
  if (typeof error === 'string' && error !== '') return { message: snippet(error) };
  if (isRecord(error) && typeof error.message === 'string') {
    return { message: snippet(error.message) };
  }
  return undefined;
}

/** Reduces an HTML error page (a proxy's 502 page, say) to its title or its visible words. */
function htmlToText(html: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
  if (title) return title;
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > BODY_SNIPPET_CHARS ? `${flat.slice(0, BODY_SNIPPET_CHARS)}…` : flat;
}

function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch says only "fetch failed" and keeps the useful part (ECONNREFUSED…) in `cause`.
  const cause: unknown = error.cause;
  if (cause instanceof Error && cause.message !== '') return cause.message;
  return error.message || error.name;
}

/** The URL without its query string: query text can be long and is not needed to locate a server. */
function displayUrl(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function subject(source: string | undefined): string {
  return source ?? 'the server';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
