import { DataSourceError, openStream, type ResponseStream } from '@/datasources/http';
import { traceNotFoundMessage } from './messages';

/**
 * A trace backend as plain data: what the trace worker is handed to fetch a trace itself.
 * Kept free of the clients, schemas and parsers so the fetch worker stays small.
 */
export interface TraceBackend {
  kind: 'jaeger' | 'tempo';
  /** Base URL of the query service, e.g. `http://jaeger:16686` or `/demo/jaeger`. */
  url: string;
  headers?: Record<string, string>;
  /** No answer (headers, then no new bytes) for this long fails the load. Default 30 s. */
  timeoutMs?: number;
}

export const TRACE_BACKEND_NAMES = { jaeger: 'Jaeger', tempo: 'Tempo' } as const;

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

export interface OpenedTrace extends ResponseStream {
  /** Names the body in messages: "Jaeger's response". */
  what: string;
}

/**
 * Requests one trace and hands back its body as it arrives: the one way both the trace worker
 * and the trace clients fetch a trace. A trace the backend does not have fails with a 404
 * `DataSourceError` saying what that likely means.
 */
export async function openTrace(
  backend: TraceBackend,
  traceId: string,
  { signal, fetchImpl }: { signal?: AbortSignal; fetchImpl?: typeof fetch } = {},
): Promise<OpenedTrace> {
  const source = TRACE_BACKEND_NAMES[backend.kind];
  const urls = traceUrls(backend, traceId);
  for (const [attempt, url] of urls.entries()) {
    try {
      const stream = await openStream(url, {
        // Tempo answers in protobuf unless JSON is asked for.
        headers: { Accept: 'application/json', ...backend.headers },
        signal,
        timeoutMs: backend.timeoutMs,
        fetchImpl,
        source,
      });
      return { ...stream, what: `${source}'s response` };
    } catch (error) {
      if (!(error instanceof DataSourceError) || error.status !== 404) throw error;
      if (attempt < urls.length - 1) continue;
      const server = error.serverMessage ? `: ${error.serverMessage}` : '';
      throw new DataSourceError({
        kind: 'http',
        status: 404,
        url,
        source,
        serverMessage: error.serverMessage,
        message: traceNotFoundMessage(traceId, source, `HTTP 404${server}`),
      });
    }
  }
  throw new Error('No URL to fetch the trace from');
}
