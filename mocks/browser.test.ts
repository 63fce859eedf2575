// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { startDemoBackend } from './browser';

const networkFetch = vi.fn(async () => new Response('from the network'));
vi.stubGlobal('fetch', networkFetch);
const demoFetch = startDemoBackend();

describe('the demo backend in the page', () => {
  it('answers the demo’s Prometheus from the simulator, without the network', async () => {
    const response = await demoFetch(
      'http://localhost/demo/prometheus/api/v1/query?query=up&time=1772443800',
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; data: { resultType: string } };
    expect(body).toMatchObject({ status: 'success', data: { resultType: 'vector' } });
    expect(networkFetch).not.toHaveBeenCalled();
  });

  it('sends what it does not serve to the network', async () => {
    const response = await demoFetch('http://localhost/config.json');
    expect(await response.text()).toBe('from the network');
    expect(networkFetch).toHaveBeenCalledTimes(1);
  });

  it('fails a cancelled request at once, as the browser’s fetch does', async () => {
    const controller = new AbortController();
    const pending = demoFetch(
      'http://localhost/demo/prometheus/api/v1/query_range?query=up&start=1772440200&end=1772443800&step=60',
      { signal: controller.signal },
    );
    controller.abort(new DOMException('The range changed', 'AbortError'));
    await expect(pending).rejects.toThrow('The range changed');
  });

  it('is reachable from the console as observatoryDemo.fetch', () => {
    expect((globalThis as { observatoryDemo?: { fetch: unknown } }).observatoryDemo?.fetch).toBe(
      demoFetch,
    );
  });
});
