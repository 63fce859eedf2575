import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeTraceId } from '@mocks/traces/trace-ids';
import { server } from '@/test/server';
import { loadTraceInWorker, startTraceLoadEarly } from './client';
import { discardEarlyLoad, hasEarlyLoad, UNCLAIMED_MS } from './earlyLoad';
import type { LoadProgress } from './protocol';

const DEMO = 'http://localhost/demo/jaeger';
const source = { kind: 'jaeger' as const, url: DEMO, headers: { 'X-Scope-OrgID': 'a' } };
const traceId = encodeTraceId({ spans: 200, startMs: 1_767_225_600_000, rootService: 0, seed: 3 });

/** Trace requests seen (their Authorization header), so a test can tell one download from two. */
let traceRequests: Array<string | null> = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    if (request.url.includes('/api/traces/'))
      traceRequests.push(request.headers.get('Authorization'));
  });
});
afterEach(() => {
  discardEarlyLoad();
  server.resetHandlers();
  traceRequests = [];
  vi.useRealTimers();
});
afterAll(() => server.close());

describe('a trace load started early (deep link)', () => {
  it('is taken over by the same request: one download, progress replayed to the new owner', async () => {
    startTraceLoadEarly(source, traceId);
    expect(hasEarlyLoad()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const phases: LoadProgress['phase'][] = [];
    const trace = await loadTraceInWorker(
      { source: { ...source, headers: { 'X-Scope-OrgID': 'a' } }, traceId },
      { onProgress: (p) => phases.push(p.phase) },
    );
    try {
      expect(trace.overview.spanCount).toBe(200);
      expect(traceRequests).toEqual([null]);
      expect(phases.length).toBeGreaterThan(0);
      expect(hasEarlyLoad()).toBe(false);
    } finally {
      trace.dispose();
    }
  });

  it('is dropped when the page asks for something else, which then loads on its own', async () => {
    startTraceLoadEarly(source, traceId);
    // Same trace, but the page sends a token the early load did not have.
    const trace = await loadTraceInWorker({
      source: { ...source, headers: { 'X-Scope-OrgID': 'a', Authorization: 'Bearer t' } },
      traceId,
    });
    try {
      expect(trace.overview.spanCount).toBe(200);
      expect(hasEarlyLoad()).toBe(false);
      // The early request was cancelled (if it had even gone out); the page's carried its token.
      expect(traceRequests.at(-1)).toBe('Bearer t');
      expect(traceRequests.length).toBeLessThanOrEqual(2);
    } finally {
      trace.dispose();
    }
  });

  it('is aborted by the new owner’s signal', async () => {
    startTraceLoadEarly(source, traceId);
    const controller = new AbortController();
    const loading = loadTraceInWorker({ source, traceId }, { signal: controller.signal });
    controller.abort();
    await expect(loading).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('is dropped when nobody claims it in time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    server.use(http.get(`${DEMO}/api/traces/:id`, () => new Promise<never>(() => undefined)));
    startTraceLoadEarly(source, traceId);
    expect(hasEarlyLoad()).toBe(true);
    vi.advanceTimersByTime(UNCLAIMED_MS + 1);
    expect(hasEarlyLoad()).toBe(false);
  });

  it('does not affect loads when none was started', async () => {
    server.use(
      http.get(`${DEMO}/api/traces/:id`, () =>
        HttpResponse.json(
          { data: null, errors: [{ code: 404, msg: 'trace not found' }] },
          { status: 404 },
        ),
      ),
    );
    await expect(loadTraceInWorker({ source, traceId })).rejects.toMatchObject({
      status: 404,
    });
    expect(traceRequests).toHaveLength(1);
  });
});
