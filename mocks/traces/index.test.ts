// @vitest-environment node
import { setupServer } from 'msw/node';
import { detectAndParse } from '@/datasources/traces/detect';
import { createTraceHandlers, parseGoDuration, SEARCH_PREVIEW_SPANS } from './index';
import { decodeTraceId, encodeTraceId } from './trace-ids';

const server = setupServer(...createTraceHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const BASE = 'http://localhost:5173/demo/jaeger/api';
const END_US = 1_767_225_600_000_000;
const getJson = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('demo Jaeger API', () => {
  it('lists services and operations', async () => {
    const services = await getJson(`${BASE}/services`);
    expect((services.body.data as string[]).length).toBe(20);
    const ops = await getJson(`${BASE}/services/agent-runtime/operations`);
    expect(ops.body.data).toEqual(['invoke_agent planner', 'build prompt', 'parse tool calls']);
    expect((await getJson(`${BASE}/services/nope/operations`)).body.data).toEqual([]);
  });

  it('answers a search the same way twice, with small bodies that preview large traces', async () => {
    const url = `${BASE}/traces?service=orchestrator&limit=20&start=${END_US - 3_600_000_000}&end=${END_US}`;
    const first = await getJson(url);
    expect(await getJson(url)).toEqual(first);
    const result = detectAndParse(first.body);
    expect(result.traces).toHaveLength(20);
    const sizes = result.traces.map((t) => decodeTraceId(t.traceId)?.spans ?? 0);
    expect(Math.max(...sizes)).toBe(50_000);
    expect(Math.min(...sizes)).toBe(10);
    for (const trace of result.traces) {
      expect(trace.spans.length).toBe(
        Math.min(decodeTraceId(trace.traceId)?.spans ?? 0, SEARCH_PREVIEW_SPANS),
      );
      expect(trace.spans[0]?.service).toBe('orchestrator');
      const preview = trace.warnings.find((w) => w.code === 'source');
      expect(preview !== undefined).toBe(
        trace.spans.length === SEARCH_PREVIEW_SPANS &&
          (decodeTraceId(trace.traceId)?.spans ?? 0) > SEARCH_PREVIEW_SPANS,
      );
    }
  });

  it('filters a search by root duration', async () => {
    const base = `${BASE}/traces?service=billing&limit=20&end=${END_US}`;
    const all = detectAndParse((await getJson(base)).body).traces;
    const slow = detectAndParse((await getJson(`${base}&minDuration=3s`)).body).traces;
    expect(slow.length).toBeGreaterThan(0);
    expect(slow.length).toBeLessThan(all.length);
    expect(slow.every((t) => (t.spans[0]?.durationUs ?? 0) >= 3_000_000)).toBe(true);
  });

  it('needs a service to search, as Jaeger does', async () => {
    const res = await getJson(`${BASE}/traces?limit=5`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ code: 400, msg: "parameter 'service' is required" }]);
  });

  it.each([10, 50_000])('serves a %i-span trace by id', async (spans) => {
    const id = encodeTraceId({ spans, startMs: END_US / 1000, rootService: 2, seed: 99 });
    const trace = detectAndParse((await getJson(`${BASE}/traces/${id}`)).body).traces[0];
    expect(trace?.traceId).toBe(id);
    expect(trace?.spans).toHaveLength(spans);
    expect(trace?.startUs).toBe(END_US);
    expect(trace?.spans[0]?.service).toBe('agent-runtime');
  });

  it('answers 404 for ids it did not make', async () => {
    for (const id of [
      'nope',
      encodeTraceId({ spans: 50_001, startMs: 0, rootService: 0, seed: 1 }),
    ]) {
      const res = await getJson(`${BASE}/traces/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.errors).toEqual([{ code: 404, msg: 'trace not found' }]);
    }
  });

  it('serves any base path', async () => {
    const other = setupServer(...createTraceHandlers({ base: '/elsewhere/' }));
    server.close();
    other.listen({ onUnhandledRequest: 'error' });
    try {
      const res = await getJson('https://demo.example/elsewhere/api/services');
      expect(res.status).toBe(200);
    } finally {
      other.close();
      server.listen({ onUnhandledRequest: 'error' });
    }
  });
});

describe('trace ids and durations', () => {
  it('round-trips a demo trace key through its id', () => {
    const key = { spans: 1234, startMs: 1_767_225_600_000, rootService: 19, seed: 0xdeadbeef };
    const id = encodeTraceId(key);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(decodeTraceId(id)).toEqual(key);
  });

  it('parses Go durations in microseconds', () => {
    expect(parseGoDuration('1h30m')).toBe(5_400_000_000);
    expect(parseGoDuration('1.5s')).toBe(1_500_000);
    expect(parseGoDuration('250us')).toBe(250);
    expect(parseGoDuration('5 s')).toBeNull();
    expect(parseGoDuration('')).toBeNull();
  });
});
