import type { z } from 'zod';

/**
 * The one fetch wrapper every data-source client uses. Every failure becomes a
 * `DataSourceError` whose `message` a user can read and which carries the server's own words
 * where the server gave any.
 *
 * Timing for the panel Inspect view: `fetchJsonWithMeta` returns the data together with a
 * `RequestMeta` (status, duration, URL, method). `fetchJson` is the same call without the meta.
 */

import {
  snippet,
  capitalize,
  DataSourceError,
  extractServerMessage,
  formatDuration,
  subject,
} from './httpErrors';

export * from './httpErrors';

export const DEFAULT_TIMEOUT_MS = 30_000;

let pageFetch: typeof fetch | null = null;

/**
 * Where requests go when the caller names no `fetchImpl`: the browser's fetch, unless the demo
 * answers them in the page (its backend needs no service worker, so it starts in any frame) or
 * a worker hands them to the page that runs the demo (see fetchPort.ts).
 */
export function setPageFetch(impl: typeof fetch | null): void {
  pageFetch = impl;
}

export function getPageFetch(): typeof fetch | null {
  return pageFetch;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: BodyInit;
  signal?: AbortSignal;
  /** Defaults to `DEFAULT_TIMEOUT_MS`; `0` or `Infinity` disables the timeout. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  cache?: RequestCache;
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
  const started = performance.now();
  const { response, cancel } = await open(url, opts);
  try {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      // The timeout and the caller's signal also cover reading the body.
      throw transportError(error, url, cancel, opts);
    }
    if (!response.ok) throw httpError(response, text, url, opts.source);
    return { response, text, durationMs: performance.now() - started };
  } finally {
    cancel.dispose();
  }
}

/** Sends the request; the caller reads the body and disposes of the cancellation. */
async function open(
  url: string,
  opts: RequestOptions,
): Promise<{ response: Response; cancel: Cancellation }> {
  const fetchImpl = opts.fetchImpl ?? pageFetch ?? globalThis.fetch;
  if (opts.signal?.aborted) throw createAbortedError(url, opts.source, opts.signal.reason);
  const cancel = linkCancellation(opts.signal, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const response = await fetchImpl(url, {
      method: opts.method ?? 'GET',
      headers: opts.headers,
      body: opts.body,
      cache: opts.cache,
      signal: cancel.signal,
    });
    return { response, cancel };
  } catch (error) {
    cancel.dispose();
    throw transportError(error, url, cancel, opts);
  }
}

/** A successful response whose body is read as it arrives. */
export interface ResponseStream {
  url: string;
  /** From Content-Length; null when unknown or when the body is compressed (it counts those bytes). */
  totalBytes: number | null;
  /**
   * The body's chunks. Failures are `DataSourceError`s like any other request's; stopping
   * early cancels the request.
   */
  chunks: AsyncIterable<Uint8Array>;
}

/**
 * For bodies too big to hold as one string (a trace of 250k spans). The timeout covers waiting
 * for the answer and then each wait for more bytes, so a big body on a slow link is not cut off
 * while it is still arriving. An error status is thrown here, with the server's own words.
 */
export async function openStream(url: string, opts: RequestOptions = {}): Promise<ResponseStream> {
  const { response, cancel } = await open(url, opts);
  if (!response.ok || !response.body) {
    try {
      const text = await response.text().catch(() => '');
      throw response.ok
        ? new DataSourceError({
            kind: 'http',
            url,
            source: opts.source,
            status: response.status,
            message: `${capitalize(subject(opts.source))} sent no body`,
          })
        : httpError(response, text, url, opts.source);
    } finally {
      cancel.dispose();
    }
  }
  const length = Number(response.headers.get('content-length'));
  return {
    url,
    totalBytes:
      !response.headers.get('content-encoding') && Number.isFinite(length) && length > 0
        ? length
        : null,
    chunks: readChunks(response.body, url, cancel, opts),
  };
}

async function* readChunks(
  body: ReadableStream<Uint8Array>,
  url: string,
  cancel: Cancellation,
  opts: RequestOptions,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      cancel.restartTimer();
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (error) {
        throw transportError(error, url, cancel, opts);
      }
      if (read.done) {
        finished = true;
        return;
      }
      yield read.value;
    }
  } finally {
    cancel.dispose();
    if (!finished) void reader.cancel().catch(() => undefined);
  }
}

interface Cancellation {
  signal: AbortSignal;
  timedOut: () => boolean;
  callerAborted: () => boolean;
  /** Starts the timeout again (more of a streamed body arrived). */
  restartTimer: () => void;
  dispose: () => void;
}

/**
 * Combines the caller's signal with a timeout. Done by hand rather than with `AbortSignal.any`
 * so it works in every supported browser, says which of the two fired, and clears its timer.
 */
function linkCancellation(callerSignal: AbortSignal | undefined, timeoutMs: number): Cancellation {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const restartTimer = () => {
    clearTimeout(timer);
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return;
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
  };
  restartTimer();
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    callerAborted: () => callerSignal?.aborted === true,
    restartTimer,
    dispose: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

function transportError(
  error: unknown,
  url: string,
  cancel: Cancellation,
  opts: RequestOptions,
): DataSourceError {
  const source = opts.source;
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

export function parseJson(text: string, url: string, source: string | undefined): unknown {
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
