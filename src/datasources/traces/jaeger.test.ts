// @vitest-environment node
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createTraceHandlers } from '@mocks/traces';
import { DataSourceError } from '@/datasources/http';
import { createTraceSource } from './client';
import { jaegerSearchQuery } from './jaeger';

const server = setupServer(...createTraceHandlers({ base: '/jaeger' }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const source = createTraceSource({ kind: 'jaeger', url: 'http://jaeger.test/jaeger/' });
const END_US = 1_767_225_600_000_000;
const window = { startUs: END_US - 3_600_000_000, endUs: END_US };

describe('Jaeger source against the demo backend', () => {
  it('lists services and the operations of one service, sorted', async () => {
    const services = await source.services();
    expect(services).toHaveLength(20);
    expect(services).toEqual([...services].sort((a, b) => a.localeCompare(b)));
    expect(await source.operations('llm-gateway')).toEqual([
      'chat gpt-4o',
      'chat mistral-large',
      'POST /v1/chat/completions',
    ]);
  });

  it('searches and summarises the hits, newest first', async () => {
    const hits = await source.search({ service: 'api-gateway', limit: 12, ...window });
    expect(hits).toHaveLength(12);
    expect(hits.map((h) => h.startUs)).toEqual(
      [...hits.map((h) => h.startUs)].sort((a, b) => b - a),
    );
    for (const hit of hits) {
      expect(hit.rootService).toBe('api-gateway');
      expect(hit.startUs).toBeGreaterThanOrEqual(window.startUs);
      expect(hit.spanCount).toBeLessThanOrEqual(200);
      expect(hit.services.reduce((n, s) => n + s.count, 0)).toBe(hit.spanCount);
    }
  });

  it('opens a large trace listed by a search, with the root the search showed', async () => {
    const hits = await source.search({ service: 'api-gateway', limit: 12, ...window });
    // Demo ids start with the span count in hex: 0xc350 = 50,000.
    const big = hits.find((h) => h.traceId.startsWith('0000c350'));
    if (!big) throw new Error('the search lists no 50,000-span trace');
    const trace = await source.getTrace(big.traceId);
    expect(trace.spans).toHaveLength(50_000);
    expect(trace.traceId).toBe(big.traceId);
    expect([trace.spans[0]?.service, trace.spans[0]?.operation, trace.startUs]).toEqual([
      big.rootService,
      big.rootOperation,
      big.startUs,
    ]);
    expect(trace.durationUs).toBe(big.durationUs);
  });

  it("reports Jaeger's own message for an unknown trace", async () => {
    const error = await source
      .getTrace('ffffffffffffffffffffffffffffffff')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataSourceError);
    expect((error as DataSourceError).status).toBe(404);
    expect((error as DataSourceError).message).toMatch(/trace not found/);
  });

  it("reports Jaeger's own message for a search without a service", async () => {
    await expect(source.search(window)).rejects.toThrow(/parameter 'service' is required/);
  });

  it('reports an envelope with no trace as not found', async () => {
    server.use(
      http.get('*/jaeger/api/traces/:id', () => HttpResponse.json({ data: [], total: 0 })),
    );
    await expect(source.getTrace('abc')).rejects.toThrow('Jaeger has no trace abc');
  });

  it('sends the configured headers', async () => {
    let seen: string | null = null;
    server.use(
      http.get('*/jaeger/api/services', ({ request }) => {
        seen = request.headers.get('x-scope-orgid');
        return HttpResponse.json({ data: ['a'] });
      }),
    );
    const tenant = createTraceSource({
      kind: 'jaeger',
      url: 'http://jaeger.test/jaeger',
      headers: { 'X-Scope-OrgID': 't1' },
    });
    expect(await tenant.services()).toEqual(['a']);
    expect(seen).toBe('t1');
  });
});

describe('jaegerSearchQuery', () => {
  it('sends times in microseconds and tags as JSON', () => {
    const q = jaegerSearchQuery({
      service: 'api',
      operation: 'GET /',
      tags: { error: 'true' },
      minDuration: '100ms',
      startUs: 1.5,
      endUs: 10.2,
      lookback: '1h',
    });
    expect(Object.fromEntries(q)).toEqual({
      service: 'api',
      operation: 'GET /',
      tags: '{"error":"true"}',
      minDuration: '100ms',
      limit: '20',
      start: '1',
      end: '11',
      lookback: '1h',
    });
  });
});
