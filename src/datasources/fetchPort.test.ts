import { describe, expect, it } from 'vitest';
import { fetchOverPort, serveFetchOnPort } from './fetchPort';

/** A page answering over a channel with `pageFetch`, and the worker-side fetch that asks it. */
function connect(pageFetch: typeof fetch): typeof fetch {
  const channel = new MessageChannel();
  serveFetchOnPort(channel.port1, pageFetch);
  return fetchOverPort(channel.port2);
}

describe('fetch over a port', () => {
  it('brings back the page’s status, headers and body, and sends the request as made', async () => {
    const seen: Request[] = [];
    const workerFetch = connect(async (input, init) => {
      seen.push(new Request(input, init));
      return new Response('{"data":[1,2]}', {
        status: 404,
        statusText: 'Not Found',
        headers: { 'Content-Type': 'application/json', 'X-Trace': 'abc' },
      });
    });
    const response = await workerFetch('http://demo.test/api/traces/1', {
      headers: { Authorization: 'Bearer t' },
    });
    expect(response.status).toBe(404);
    expect(response.statusText).toBe('Not Found');
    expect(response.headers.get('x-trace')).toBe('abc');
    expect(await response.json()).toEqual({ data: [1, 2] });
    expect(seen[0]?.url).toBe('http://demo.test/api/traces/1');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer t');
  });

  it('fails like a network error when the page’s fetch fails', async () => {
    const workerFetch = connect(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(workerFetch('http://demo.test/x')).rejects.toThrow('Failed to fetch');
  });

  it('an aborted request rejects with the abort reason and aborts the page’s request', async () => {
    let pageSignal: AbortSignal | undefined;
    const workerFetch = connect(
      (_input, init) =>
        new Promise<Response>(() => {
          pageSignal = init?.signal ?? undefined;
        }),
    );
    const controller = new AbortController();
    const pending = workerFetch('http://demo.test/slow', { signal: controller.signal });
    await expect.poll(() => pageSignal).toBeDefined();
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(pending).rejects.toThrow('stop');
    await expect.poll(() => pageSignal?.aborted).toBe(true);
  });
});
