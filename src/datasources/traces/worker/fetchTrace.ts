import { extractServerMessage } from '@/datasources/http';
// Not the folder's index: that would pull the parsers into the small fetch worker.
import { traceNotFoundMessage } from '@/datasources/traces/messages';
import { TraceLoadError } from './errors';
import type { TraceBackend } from './protocol';
import { streamChunks, type BodyPiece } from './readBody';

export const DEFAULT_TIMEOUT_MS = 30_000;

const BACKEND_NAMES = { jaeger: 'Jaeger', tempo: 'Tempo' } as const;

/**
 * The URLs to try, in order. Tempo ≥ 2.5 serves `/api/v2/traces/{id}`; older versions only
 * `/api/traces/{id}`, so a 404 on the first falls back to the second.
 */
export function traceUrls(backend: TraceBackend, traceId: string): string[] {
  const base = backend.url.replace(/\/+$/, '');
  const id = encodeURIComponent(traceId.trim());
  if (backend.kind === 'jaeger') return [`${base}/api/traces/${id}`];
  return [`${base}/api/v2/traces/${id}`, `${base}/api/traces/${id}`];
}

export interface FetchTraceOptions {
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

/** A trace response whose body is still arriving. */
export interface TraceBody {
  /** From Content-Length; null when unknown or compressed. */
  totalBytes: number | null;
  /** Names the body in messages: "Jaeger's response". */
  what: string;
  /** The body's bytes; failures (timeout, cancel, network) are `TraceLoadError`s. */
  chunks: AsyncIterable<BodyPiece>;
}

/**
 * Requests a trace from Jaeger or Tempo and returns its body as it arrives. HTTP errors (404
 * included, after Tempo's fallback) are thrown here, with the backend's own message.
 * The timeout applies to waiting for the response and then to each wait for more bytes, so a
 * big trace on a slow link is not cut off while it is still arriving.
 */
export async function openTraceBody(
  backend: TraceBackend,
  traceId: string,
  { signal, fetchImpl = globalThis.fetch }: FetchTraceOptions = {},
): Promise<TraceBody> {
  const name = BACKEND_NAMES[backend.kind];
  const urls = traceUrls(backend, traceId);
  for (let attempt = 0; attempt < urls.length; attempt++) {
    const url = urls[attempt] as string;
    const watchdog = new Watchdog(backend.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal);
    let handedOver = false;
    try {
      const response = await send(fetchImpl, url, backend, watchdog, name);
      if (response.status === 404 && attempt < urls.length - 1) {
        void response.body?.cancel().catch(() => undefined);
        continue;
      }
      if (!response.ok) throw await httpError(response, url, name, traceId);
      if (!response.body)
        throw new TraceLoadError({ kind: 'http', url, message: `${name} sent no body` });
      handedOver = true;
      return {
        totalBytes: contentLength(response),
        what: `${name}'s response`,
        chunks: watchedChunks(response.body, watchdog, url, name),
      };
    } finally {
      if (!handedOver) watchdog.dispose();
    }
  }
  throw new TraceLoadError({ kind: 'internal', message: 'No URL to fetch the trace from' });
}

async function* watchedChunks(
  body: ReadableStream<Uint8Array>,
  watchdog: Watchdog,
  url: string,
  name: string,
): AsyncGenerator<Uint8Array> {
  try {
    yield* streamChunks(body, () => watchdog.rearm());
  } catch (error) {
    throw watchdog.explain(error, url, name);
  } finally {
    watchdog.dispose();
  }
}

async function send(
  fetchImpl: typeof fetch,
  url: string,
  backend: TraceBackend,
  watchdog: Watchdog,
  name: string,
): Promise<Response> {
  try {
    // Tempo answers in protobuf unless JSON is asked for.
    return await fetchImpl(url, {
      headers: { Accept: 'application/json', ...backend.headers },
      signal: watchdog.signal,
    });
  } catch (error) {
    throw watchdog.explain(error, url, name);
  }
}

/** Content-Length counts compressed bytes when the response is compressed: then it is unknown. */
function contentLength(response: Response): number | null {
  if (response.headers.get('content-encoding')) return null;
  const length = Number(response.headers.get('content-length'));
  return Number.isFinite(length) && length > 0 ? length : null;
}

async function httpError(
  response: Response,
  url: string,
  name: string,
  traceId: string,
): Promise<TraceLoadError> {
  const text = await response.text().catch(() => '');
  const server = extractServerMessage(text, response.headers.get('content-type'));
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const detail = server ? `${status}: ${server.message}` : status;
  if (response.status === 404) {
    return new TraceLoadError({
      kind: 'not-found',
      status: 404,
      url,
      message: traceNotFoundMessage(traceId, name, detail),
    });
  }
  return new TraceLoadError({
    kind: 'http',
    status: response.status,
    url,
    message: `${name} returned ${detail}`,
  });
}

/** Cancels the request when the caller aborts or nothing arrives for `timeoutMs`. */
class Watchdog {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timedOut = false;
  private readonly onAbort = () => this.controller.abort();

  constructor(
    private readonly timeoutMs: number,
    private readonly caller: AbortSignal | undefined,
  ) {
    if (caller?.aborted) this.controller.abort();
    caller?.addEventListener('abort', this.onAbort, { once: true });
    this.rearm();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  rearm(): void {
    clearTimeout(this.timer);
    // Left for `explain` to word: a timeout and a cancel both abort the controller.
    if (this.controller.signal.aborted)
      throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.timeoutMs);
  }

  explain(error: unknown, url: string, name: string): unknown {
    if (error instanceof TraceLoadError) return error;
    if (this.timedOut) {
      return new TraceLoadError({
        kind: 'timeout',
        url,
        message: `${name} did not answer within ${formatTimeout(this.timeoutMs)} (${url}).`,
      });
    }
    if (this.caller?.aborted) return abortError();
    const reason = error instanceof Error ? error.message : String(error);
    return new TraceLoadError({
      kind: 'network',
      url,
      message: `Cannot reach ${name} at ${url}: ${reason}. Check the URL, that the server is up and that it allows requests from this page (CORS).`,
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onAbort);
  }
}

function formatTimeout(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function abortError(): TraceLoadError {
  return new TraceLoadError({ kind: 'aborted', message: 'Loading the trace was cancelled.' });
}
