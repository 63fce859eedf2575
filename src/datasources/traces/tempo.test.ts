// @vitest-environment node
import { http, HttpResponse } from 'msw';
import type { JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { createTraceSource } from './client';
import { tempoSearchQuery, tempoSearchResponseSchema, tempoTraceSummary } from './tempo';
import { HAS_FIXTURES, readFixture } from '@/test/traces/fixtures';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const source = createTraceSource({ kind: 'tempo', url: 'http://tempo.test' });
const fixtureJson = (file: string) => JSON.parse(readFixture(file)) as JsonBodyType;

describe.skipIf(!HAS_FIXTURES)('Tempo search responses from real files', () => {
  it.each([
    'tempo/docs_api_search_tags_based.json',
    'tempo/docs_api_search_traceql_oneline.json',
    'tempo/kiali_api_search_traceql.json',
  ])('%s matches the search schema', (file) => {
    const parsed = tempoSearchResponseSchema.safeParse(fixtureJson(file));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.traces?.length).toBeGreaterThan(0);
  });

  it('summarises a tag-based hit, leaving unknown counts empty', () => {
    const body = tempoSearchResponseSchema.parse(
      fixtureJson('tempo/docs_api_search_tags_based.json'),
    );
    expect(body.traces?.map(tempoTraceSummary)[0]).toEqual({
      traceId: 'd6e9329d67b6146a',
      rootService: 'frontend',
      rootOperation: '/cart',
      startUs: 1634727903545000,
      durationUs: 611000,
      spanCount: null,
      errorCount: null,
      services: [],
    });
  });

  it('searches with TraceQL and returns summaries', async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get('http://tempo.test/api/search', ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json(fixtureJson('tempo/kiali_api_search_traceql.json'));
      }),
    );
    const hits = await source.search({
      query: '{ status = error }',
      startUs: 1_000_000_000,
      endUs: 2_000_000_500,
      limit: 5,
    });
    expect(query?.get('q')).toBe('{ status = error }');
    expect([query?.get('start'), query?.get('end'), query?.get('limit')]).toEqual([
      '1000',
      '2001',
      '5',
    ]);
    expect(hits.map((h) => [h.traceId, h.rootService, h.durationUs])).toEqual([
      ['100cb753c787ed5657c8d88dafc176ed', 'istio-ingressgateway.istio-system', 9000],
    ]);
  });

  it('falls back to /api/traces when /api/v2/traces is not there', async () => {
    const seen: string[] = [];
    server.use(
      http.get('http://tempo.test/api/v2/traces/:id', ({ request }) => {
        seen.push(new URL(request.url).pathname);
        return new HttpResponse('404 page not found', { status: 404 });
      }),
      http.get('http://tempo.test/api/traces/:id', ({ request }) => {
        seen.push(new URL(request.url).pathname);
        return HttpResponse.json(fixtureJson('tempo/kiali_api_traces_batches.json'));
      }),
    );
    const trace = await source.getTrace('3ba55609c3cde49649cd77d1f9dcd936');
    expect(trace.spans).toHaveLength(8);
    expect(seen).toEqual([
      '/api/v2/traces/3ba55609c3cde49649cd77d1f9dcd936',
      '/api/traces/3ba55609c3cde49649cd77d1f9dcd936',
    ]);
  });

  it('reads the /api/v2/traces wrapper and asks for JSON', async () => {
    let accept: string | null = null;
    server.use(
      http.get('http://tempo.test/api/v2/traces/:id', ({ request }) => {
        accept = request.headers.get('accept');
        return HttpResponse.json(fixtureJson('tempo/docs_api_v2_traces_oneline.json'));
      }),
    );
    const trace = await source.getTrace('5b8efff798038103d269b633813fc700');
    expect(trace.traceId).toBe('5b8efff798038103d269b633813fc700');
    expect(accept).toBe('application/json');
  });
});

describe('Tempo source', () => {
  it('summarises span and error counts from serviceStats', () => {
    const summary = tempoTraceSummary({
      traceID: 'AB',
      startTimeUnixNano: '1000000000',
      serviceStats: { api: { spanCount: 2 }, db: { spanCount: 5, errorCount: 1 } },
    });
    expect(summary).toMatchObject({
      traceId: 'ab',
      rootService: null,
      startUs: 1_000_000,
      durationUs: 0,
      spanCount: 7,
      errorCount: 1,
      services: [
        { name: 'db', count: 5 },
        { name: 'api', count: 2 },
      ],
    });
  });

  it('lists services from tag values', async () => {
    server.use(
      http.get('http://tempo.test/api/search/tag/service.name/values', () =>
        HttpResponse.json({ tagValues: ['frontend', 'api', 'frontend'] }),
      ),
    );
    expect(await source.services()).toEqual(['api', 'frontend']);
  });

  it('lists the span names of one service, or all names on an older Tempo', async () => {
    let scope: string | null = null;
    server.use(
      http.get('http://tempo.test/api/v2/search/tag/name/values', ({ request }) => {
        scope = new URL(request.url).searchParams.get('q');
        return HttpResponse.json({ tagValues: [{ type: 'string', value: 'GET /' }] });
      }),
    );
    expect(await source.operations('my "svc"')).toEqual(['GET /']);
    expect(scope).toBe('{ resource.service.name = "my \\"svc\\"" }');

    server.use(
      http.get(
        'http://tempo.test/api/v2/search/tag/name/values',
        () => new HttpResponse('not found', { status: 404 }),
      ),
      http.get('http://tempo.test/api/search/tag/name/values', () =>
        HttpResponse.json({ tagValues: ['b', 'a'] }),
      ),
    );
    expect(await source.operations('svc')).toEqual(['a', 'b']);
  });

  it("reports Tempo's message when a trace is missing", async () => {
    server.use(
      http.get(
        'http://tempo.test/api/v2/traces/:id',
        () => new HttpResponse('trace not found', { status: 404 }),
      ),
      http.get(
        'http://tempo.test/api/traces/:id',
        () => new HttpResponse('trace not found', { status: 404 }),
      ),
    );
    await expect(source.getTrace('abcd')).rejects.toThrow(
      'Trace abcd was not found in Tempo (HTTP 404: trace not found).',
    );
  });

  it('reports a body that is not a trace', async () => {
    server.use(
      http.get('http://tempo.test/api/v2/traces/:id', () =>
        HttpResponse.json({ resourceLogs: [] }),
      ),
    );
    await expect(source.getTrace('abcd')).rejects.toThrow(
      'Tempo: This is OTLP log data, not a trace.',
    );
  });
});

describe('tempoSearchQuery', () => {
  it('sends service, operation and tags as logfmt when there is no TraceQL', () => {
    const q = tempoSearchQuery({
      service: 'api',
      operation: 'GET /users',
      tags: { 'http.status_code': '500', note: 'say "hi"' },
      maxDuration: '2s',
      startUs: 5_500_000,
      endUs: 9_000_001,
    });
    expect(Object.fromEntries(q)).toEqual({
      tags: 'service.name=api name="GET /users" http.status_code=500 note="say \\"hi\\""',
      maxDuration: '2s',
      limit: '20',
      start: '5',
      end: '10',
    });
  });
});
