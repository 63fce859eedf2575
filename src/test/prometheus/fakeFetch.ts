/**
 * A `fetch` stand-in for tests of the Prometheus client: it records each request (method, path,
 * parameters from the query string and the form body, headers) and answers through `route`.
 * Like the real one, it rejects with the signal's reason when the request is aborted.
 */

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  /** Query-string and form-body parameters together. */
  params: URLSearchParams;
  headers: Headers;
  body: string | undefined;
}

export type Route = (request: RecordedRequest) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof fetch;
  requests: RecordedRequest[];
}

export function createFakeFetch(route: Route): FakeFetch {
  const requests: RecordedRequest[] = [];
  const fakeFetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const parsed = new URL(url, 'http://relative.invalid');
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const params = new URLSearchParams(parsed.search);
    for (const [key, value] of new URLSearchParams(body ?? '')) params.append(key, value);
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      url,
      path: parsed.pathname,
      params,
      headers: new Headers(init?.headers),
      body,
    };
    requests.push(request);
    const signal = init?.signal;
    if (signal?.aborted) throw signal.reason;
    return new Promise<Response>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      Promise.resolve(route(request)).then(resolve, reject);
    });
  };
  return { fetch: fakeFetch, requests };
}

export function jsonResponse(body: unknown, status = 200): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, { status, headers: { 'content-type': 'application/json' } });
}
