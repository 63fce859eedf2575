// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  DataSourceError,
  extractServerMessage,
  fetchJson,
  fetchJsonWithMeta,
  fetchText,
  isAbortError,
  type DataSourceErrorKind,
} from './http';

const URL_ = 'http://prometheus.test:9090/api/v1/query?query=up';
const schema = z.object({ status: z.literal('success'), data: z.array(z.string()) });

function respond(body: string, init: ResponseInit = {}): typeof fetch {
  return vi.fn(async () => new Response(body, init));
}

/** A fetch that never answers on its own and rejects like the real one when its signal aborts. */
function hangingFetch(): typeof fetch {
  return (_input, init) =>
    new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal;
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
}

async function failure(promise: Promise<unknown>): Promise<DataSourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataSourceError);
  return error as DataSourceError;
}

function expectKind(error: DataSourceError, kind: DataSourceErrorKind) {
  expect(error.kind).toBe(kind);
  expect(error.url).toBe(URL_);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('fetchJson success', () => {
  it('returns data validated by the schema and sends method, headers and body', async () => {
    const fetchImpl = respond('{"status":"success","data":["a","b"]}', { status: 200 });
    const data = await fetchJson(URL_, {
      schema,
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'X-Scope-OrgID': 'tenant-1' },
      body: 'query=up',
      fetchImpl,
    });
    expect(data).toEqual({ status: 'success', data: ['a', 'b'] });
    const [url, init] = vi.mocked(fetchImpl).mock.calls[0] ?? [];
    expect(url).toBe(URL_);
    expect(init).toMatchObject({
      method: 'POST',
      body: 'query=up',
      headers: { Authorization: 'Bearer t', 'X-Scope-OrgID': 'tenant-1' },
    });
  });

  it('fetchJsonWithMeta reports status, method, size and a duration', async () => {
    const body = '{"status":"success","data":[]}';
    const result = await fetchJsonWithMeta(URL_, {
      schema,
      fetchImpl: respond(body, { status: 200 }),
    });
    expect(result).toMatchObject({
      data: { status: 'success', data: [] },
      status: 200,
      method: 'GET',
      url: URL_,
      responseSize: body.length,
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('fetchText returns the raw body', async () => {
    await expect(fetchText(URL_, { fetchImpl: respond('plain words') })).resolves.toBe(
      'plain words',
    );
  });
});

describe('fetchJson failures', () => {
  it('network: names the source, the URL without its query and the reason', async () => {
    const fetchImpl: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1') });
    };
    const error = await failure(fetchJson(URL_, { schema, fetchImpl, source: 'Prometheus' }));
    expectKind(error, 'network');
    expect(error.source).toBe('Prometheus');
    expect(error.message).toMatch(
      /^Cannot reach Prometheus at http:\/\/prometheus\.test:9090\/api\/v1\/query: connect ECONNREFUSED 127\.0\.0\.1\./,
    );
    expect(isAbortError(error)).toBe(false);
  });

  it('network: a browser-style TypeError without cause keeps its own message', async () => {
    const fetchImpl: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await failure(fetchJson(URL_, { schema, fetchImpl }));
    expect(error.message).toContain('Cannot reach the server at');
    expect(error.message).toContain('Failed to fetch');
  });

  it('timeout: aborts the request and says how long it waited', async () => {
    vi.useFakeTimers();
    const pending = fetchJson(URL_, {
      schema,
      fetchImpl: hangingFetch(),
      timeoutMs: 10_000,
      source: 'Prometheus',
    });
    const settled = failure(pending);
    await vi.advanceTimersByTimeAsync(10_000);
    const error = await settled;
    expectKind(error, 'timeout');
    expect(error.message).toBe('Prometheus did not answer within 10 s');
    expect(isAbortError(error)).toBe(false);
  });

  it('timeout: a sub-second limit is shown in ms', async () => {
    vi.useFakeTimers();
    const settled = failure(fetchJson(URL_, { schema, fetchImpl: hangingFetch(), timeoutMs: 250 }));
    await vi.advanceTimersByTimeAsync(250);
    expect((await settled).message).toBe('The server did not answer within 250 ms');
  });

  it('timeout: also covers a body that stops arriving', async () => {
    vi.useFakeTimers();
    const fetchImpl: typeof fetch = async (_input, init) => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"status":'));
          init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
        },
      });
      return new Response(stream, { status: 200 });
    };
    const settled = failure(fetchJson(URL_, { schema, fetchImpl, timeoutMs: 2_000 }));
    await vi.advanceTimersByTimeAsync(2_000);
    expectKind(await settled, 'timeout');
  });

  it('aborted: a caller abort while waiting yields kind aborted', async () => {
    const controller = new AbortController();
    const pending = failure(
      fetchJson(URL_, { schema, fetchImpl: hangingFetch(), signal: controller.signal }),
    );
    controller.abort();
    const error = await pending;
    expectKind(error, 'aborted');
    expect(isAbortError(error)).toBe(true);
  });

  it('aborted: an already-aborted signal never calls fetch', async () => {
    const fetchImpl = respond('{}');
    const error = await failure(
      fetchJson(URL_, { schema, fetchImpl, signal: AbortSignal.abort() }),
    );
    expectKind(error, 'aborted');
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('http: Prometheus error body gives errorType and error text plus the status', async () => {
    const body = JSON.stringify({
      status: 'error',
      errorType: 'bad_data',
      error: '1:5: parse error: unexpected end of input',
    });
    const error = await failure(
      fetchJson(URL_, {
        schema,
        source: 'Prometheus',
        fetchImpl: respond(body, { status: 400, statusText: 'Bad Request' }),
      }),
    );
    expectKind(error, 'http');
    expect(error.status).toBe(400);
    expect(error.errorType).toBe('bad_data');
    expect(error.serverMessage).toBe('bad_data: 1:5: parse error: unexpected end of input');
    expect(error.message).toBe(
      'Prometheus returned HTTP 400 Bad Request: bad_data: 1:5: parse error: unexpected end of input',
    );
  });

  it('http: Jaeger error body joins the messages', async () => {
    const body = JSON.stringify({
      data: null,
      errors: [{ code: 400, msg: 'parameter "service" is required' }],
    });
    const error = await failure(
      fetchJson(URL_, { schema, source: 'Jaeger', fetchImpl: respond(body, { status: 400 }) }),
    );
    expectKind(error, 'http');
    expect(error.serverMessage).toBe('parameter "service" is required');
    expect(error.message).toBe('Jaeger returned HTTP 400: parameter "service" is required');
  });

  it.each([
    ['{"message":"tenant not allowed"}', 'tenant not allowed'],
    ['{"error":"no org id"}', 'no org id'],
    ['{"error":{"message":"quota exceeded"}}', 'quota exceeded'],
  ])('http: generic JSON error body %s', async (body, expected) => {
    const error = await failure(
      fetchJson(URL_, { schema, fetchImpl: respond(body, { status: 401 }) }),
    );
    expect(error.serverMessage).toBe(expected);
    expect(error.message).toBe(`The server returned HTTP 401: ${expected}`);
  });

  it('http: text/plain body is quoted, whitespace collapsed, cut at 300 chars', async () => {
    const long = `Service Unavailable\n${'x'.repeat(400)}`;
    const error = await failure(
      fetchJson(URL_, {
        schema,
        source: 'Prometheus',
        fetchImpl: respond(long, { status: 503, headers: { 'content-type': 'text/plain' } }),
      }),
    );
    expectKind(error, 'http');
    expect(error.status).toBe(503);
    expect(error.serverMessage?.startsWith('Service Unavailable xxx')).toBe(true);
    expect(error.serverMessage).toHaveLength(301);
    expect(error.serverMessage?.endsWith('…')).toBe(true);
    expect(error.message.startsWith('Prometheus returned HTTP 503: Service Unavailable')).toBe(
      true,
    );
  });

  it('http: an HTML error page is reduced to its title, never kept as markup', async () => {
    const html =
      '<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1><script>alert(1)</script></body></html>';
    const error = await failure(
      fetchJson(URL_, {
        schema,
        fetchImpl: respond(html, { status: 502, headers: { 'content-type': 'text/html' } }),
      }),
    );
    expect(error.serverMessage).toBe('502 Bad Gateway');
    expect(error.message).not.toContain('<');
  });

  it('http: an empty body still gives the status', async () => {
    const error = await failure(
      fetchJson(URL_, {
        schema,
        source: 'Prometheus',
        fetchImpl: respond('', { status: 504, statusText: 'Gateway Timeout' }),
      }),
    );
    expect(error.serverMessage).toBeUndefined();
    expect(error.message).toBe('Prometheus returned HTTP 504 Gateway Timeout');
  });

  it('parse: a 200 with a non-JSON body quotes the start of the body', async () => {
    const error = await failure(
      fetchJson(URL_, {
        schema,
        source: 'Prometheus',
        fetchImpl: respond('<!doctype html><html>login</html>', { status: 200 }),
      }),
    );
    expectKind(error, 'parse');
    expect(error.message).toBe(
      'Prometheus returned invalid JSON: <!doctype html><html>login</html>',
    );
  });

  it('parse: an empty 200 body says so', async () => {
    const error = await failure(
      fetchJson(URL_, { schema, fetchImpl: respond('', { status: 200 }) }),
    );
    expectKind(error, 'parse');
    expect(error.message).toBe('The server returned invalid JSON: the response body is empty');
  });

  it('schema: names the path and message of the first issue', async () => {
    const error = await failure(
      fetchJson(URL_, {
        schema,
        source: 'Prometheus',
        fetchImpl: respond('{"status":"success","data":["a",7]}', { status: 200 }),
      }),
    );
    expectKind(error, 'schema');
    expect(error.message).toMatch(
      /^Prometheus returned data in an unexpected shape at data\[1\]: .*expected string/i,
    );
  });
});

describe('isAbortError', () => {
  it('recognises DOM-style AbortErrors and rejects everything else', () => {
    expect(isAbortError(new DOMException('stop', 'AbortError'))).toBe(true);
    expect(isAbortError(new DOMException('late', 'TimeoutError'))).toBe(false);
    expect(isAbortError(new Error('boom'))).toBe(false);
    expect(isAbortError('AbortError')).toBe(false);
  });
});

describe('extractServerMessage', () => {
  it('ignores a Prometheus body with an empty errorType and uses the error text', () => {
    expect(extractServerMessage('{"status":"error","errorType":"","error":"boom"}', null)).toEqual({
      message: 'boom',
    });
  });

  it('returns undefined for whitespace', () => {
    expect(extractServerMessage('  \n', 'text/plain')).toBeUndefined();
  });
});
