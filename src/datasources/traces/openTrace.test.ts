// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { DataSourceError } from '@/datasources/http';
import { openTrace, traceUrls, type TraceBackend } from './openTrace';
import type { ReadProgress } from './worker/readBody';
import { readJsonChunks } from './worker/readBody';

/** Opens the body and reads it to the end, as the engine does. */
async function fetchTraceDocument(
  backend: TraceBackend,
  traceId: string,
  options: Parameters<typeof openTrace>[2] & { onProgress?: (progress: ReadProgress) => void },
) {
  const body = await openTrace(backend, traceId, options);
  return readJsonChunks(body.chunks, { ...body, onProgress: options.onProgress });
}

const jaeger = {
  kind: 'jaeger' as const,
  url: 'http://jaeger:16686/',
  headers: { Authorization: 'Bearer t' },
};
const tempo = { kind: 'tempo' as const, url: 'http://tempo:3200' };

function respond(body: string, init: ResponseInit = {}) {
  return new Response(body, init);
}

async function failure(promise: Promise<unknown>): Promise<DataSourceError> {
  try {
    await promise;
  } catch (error) {
    return error as DataSourceError;
  }
  throw new Error('expected the load to fail');
}

describe('traceUrls', () => {
  it('uses Jaeger’s API path, and Tempo’s v2 path before v1', () => {
    expect(traceUrls(jaeger, ' abc ')).toEqual(['http://jaeger:16686/api/traces/abc']);
    expect(traceUrls(tempo, 'a/b')).toEqual([
      'http://tempo:3200/api/v2/traces/a%2Fb',
      'http://tempo:3200/api/traces/a%2Fb',
    ]);
  });
});

describe('openTrace', () => {
  it('sends the configured headers, asks for JSON, and parses the body while reporting progress', async () => {
    const body = JSON.stringify({ data: [{ traceID: 'abc', spans: [] }] });
    const fetchImpl = vi.fn(async () =>
      respond(body, { headers: { 'content-length': String(body.length) } }),
    );
    const progress = vi.fn();
    const read = await fetchTraceDocument(jaeger, 'abc', { fetchImpl, onProgress: progress });
    expect(read.value).toEqual({ data: [{ traceID: 'abc', spans: [] }] });
    const [, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer t' });
    expect(progress).toHaveBeenLastCalledWith({
      loadedBytes: body.length,
      totalBytes: body.length,
    });
  });

  it('says the trace was not found, with the backend’s own words', async () => {
    const fetchImpl = async () =>
      respond(JSON.stringify({ data: null, errors: [{ code: 404, msg: 'trace not found' }] }), {
        status: 404,
        statusText: 'Not Found',
        headers: { 'content-type': 'application/json' },
      });
    const error = await failure(fetchTraceDocument(jaeger, 'abc', { fetchImpl }));
    expect(error.status).toBe(404);
    expect(error.message).toBe(
      'Trace abc was not found in Jaeger (HTTP 404: trace not found). It may be older than the backend keeps traces, or the id may be mistyped.',
    );
  });

  it('falls back to Tempo’s v1 path when v2 answers 404', async () => {
    const fetchImpl = vi.fn(async (url: string) =>
      url.includes('/v2/')
        ? respond('404 page not found', { status: 404 })
        : respond('{"batches": []}'),
    );
    const read = await fetchTraceDocument(tempo, 'abc', { fetchImpl: fetchImpl as typeof fetch });
    expect(read.value).toEqual({ batches: [] });
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('reports other HTTP errors with status and message', async () => {
    const fetchImpl = async () =>
      respond('<html><title>502 Bad Gateway</title></html>', {
        status: 502,
        headers: { 'content-type': 'text/html' },
      });
    const error = await failure(fetchTraceDocument(jaeger, 'abc', { fetchImpl }));
    expect(error.kind).toBe('http');
    expect(error.message).toBe('Jaeger returned HTTP 502: 502 Bad Gateway');
  });

  it('explains an unreachable backend', async () => {
    const fetchImpl = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await failure(fetchTraceDocument(jaeger, 'abc', { fetchImpl }));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(
      /^Cannot reach Jaeger at http:\/\/jaeger:16686\/api\/traces\/abc: Failed to fetch\./,
    );
  });

  it('gives up when the backend does not answer in time', async () => {
    const fetchImpl = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    const error = await failure(
      fetchTraceDocument({ ...jaeger, timeoutMs: 20 }, 'abc', {
        fetchImpl: fetchImpl as typeof fetch,
      }),
    );
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/^Jaeger did not answer within 20 ms/);
  });

  it('stops when the caller cancels', async () => {
    const controller = new AbortController();
    const fetchImpl = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    const pending = fetchTraceDocument(jaeger, 'abc', {
      fetchImpl: fetchImpl as typeof fetch,
      signal: controller.signal,
    });
    controller.abort();
    expect((await failure(pending)).kind).toBe('aborted');
  });

  it('says so when the body is not JSON', async () => {
    const error = await failure(
      fetchTraceDocument(jaeger, 'abc', { fetchImpl: async () => respond('{"data": [') }),
    );
    expect(error.kind).toBe('parse');
    expect(error.message).toMatch(
      /^Jaeger's response is not valid JSON: Unexpected end of JSON input/,
    );
    const empty = await failure(
      fetchTraceDocument(jaeger, 'abc', { fetchImpl: async () => respond('') }),
    );
    expect(empty.message).toBe("Jaeger's response is not valid JSON: it is empty");
  });
});
