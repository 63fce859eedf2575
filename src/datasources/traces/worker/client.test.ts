import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeTraceId } from '@mocks/traces/trace-ids';
import { server } from '@/test/server';
import { loadTraceInWorker } from './client';
import type { DataSourceError } from '@/datasources/http';
import { keyAt } from './overview';

// jsdom has no Worker: these tests run the engine on the test's thread through the same API.
const DEMO = 'http://localhost/demo/jaeger';
const source = { kind: 'jaeger' as const, url: DEMO };
const demoId = encodeTraceId({ spans: 300, startMs: 1_767_225_600_000, rootService: 0, seed: 7 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<DataSourceError> {
  try {
    await promise;
  } catch (error) {
    return error as DataSourceError;
  }
  throw new Error('expected the load to fail');
}

describe('loadTraceInWorker', () => {
  it('loads a trace from Jaeger, reporting progress, and answers questions about it', async () => {
    const phases: string[] = [];
    const trace = await loadTraceInWorker(
      { source, traceId: demoId },
      { onProgress: (p) => phases.push(p.phase) },
    );
    try {
      expect(trace.mode).toBe('in-thread');
      expect(trace.overview.traceId).toBe(demoId);
      expect(trace.overview.spanCount).toBe(300);
      expect(phases[0]).toBe('connecting');
      expect(phases).toContain('building');

      const root = await trace.getSpan(0);
      expect(root.key).toBe(keyAt(trace.overview, 0));
      expect(root.parentSpanId).toBeNull();
      expect(root.attributes.length).toBeGreaterThan(0);

      // Every span of a service matches a search for the service's name.
      const { overview } = trace;
      const service = overview.services[0] as string;
      const matches = new Set(await trace.find(service));
      const ofService = [...overview.service.keys()].filter((i) => overview.service[i] === 0);
      expect(ofService.length).toBeGreaterThan(0);
      expect(ofService.every((i) => matches.has(i))).toBe(true);

      const genAi = await trace.genAi();
      expect(genAi?.totals.inputTokens).toBeGreaterThan(0);
      expect(genAi?.subtreeInputTokens[0]).toBe(genAi?.totals.inputTokens);
      const critical = await trace.criticalPath();
      expect(critical.spanIndex.length).toBeGreaterThan(0);
      const selfTime = await trace.selfTime();
      expect(selfTime.reduce((sum, row) => sum + row.count, 0)).toBe(300);
    } finally {
      trace.dispose();
    }
  });

  it('reads a trace from a file or from text, NDJSON included', async () => {
    const span = (id: string, parent?: string) => ({
      traceId: '0123456789abcdef0123456789abcdef',
      spanId: id,
      ...(parent ? { parentSpanId: parent } : {}),
      name: `op-${id}`,
      startTimeUnixNano: '1000000',
      endTimeUnixNano: '2000000',
    });
    const line = (spans: unknown[]) =>
      JSON.stringify({
        resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans }] }],
      });
    const ndjson = `${line([span('0000000000000001')])}\n${line([span('0000000000000002', '0000000000000001')])}\n`;

    const fromFile = await loadTraceInWorker({ file: new Blob([ndjson]), name: 'spans.ndjson' });
    expect(fromFile.overview.spanCount).toBe(2);
    expect(fromFile.overview.format).toBe('otlp');
    fromFile.dispose();

    const fromText = await loadTraceInWorker({ text: line([span('0000000000000001')]) });
    expect(fromText.overview.spanCount).toBe(1);
    fromText.dispose();
  });

  it('fails with a message in words for a missing trace, bad JSON and unknown formats', async () => {
    const missing = await failure(loadTraceInWorker({ source, traceId: 'not-a-demo-id' }));
    expect(missing.status).toBe(404);
    expect(missing.message).toMatch(
      /^Trace not-a-demo-id was not found in Jaeger \(HTTP 404.*trace not found\)/,
    );

    server.use(
      http.get(`${DEMO}/api/traces/:id`, () => new HttpResponse('{"data": [', { status: 200 })),
    );
    const broken = await failure(loadTraceInWorker({ source, traceId: 'x' }));
    expect(broken.kind).toBe('parse');

    server.use(http.get(`${DEMO}/api/traces/:id`, () => HttpResponse.json({ hello: 'world' })));
    const unknown = await failure(loadTraceInWorker({ source, traceId: 'x' }));
    expect(unknown.kind).toBe('schema');
    expect(unknown.message).toMatch(
      /^Jaeger's response is not a trace: Not a trace format this app reads/,
    );

    server.use(http.get(`${DEMO}/api/traces/:id`, () => HttpResponse.error()));
    const down = await failure(loadTraceInWorker({ source, traceId: 'x' }));
    expect(down.kind).toBe('network');
    expect(down.message).toMatch(/^Cannot reach Jaeger at/);

    const empty = await failure(
      loadTraceInWorker({ text: '{"data": [], "errors": null, "total": 0}', traceId: 'abc' }),
    );
    expect(empty.kind).toBe('api');
    expect(empty.message).toBe('The document holds no spans for trace abc.');
  });

  it('falls back to this thread when the workers cannot start', async () => {
    class BlockedWorker {
      onerror: ((event: { message: string; preventDefault: () => void }) => void) | null = null;
      onmessage: unknown = null;
      constructor() {
        setTimeout(
          () => this.onerror?.({ message: 'blocked by policy', preventDefault: () => {} }),
          1,
        );
      }
      postMessage() {}
      terminate() {}
    }
    const original = globalThis.Worker;
    globalThis.Worker = BlockedWorker as unknown as typeof Worker;
    try {
      const fromBackend = await loadTraceInWorker({ source, traceId: demoId });
      expect(fromBackend.mode).toBe('in-thread');
      expect(fromBackend.overview.spanCount).toBe(300);
      fromBackend.dispose();
      const fromText = await loadTraceInWorker({ text: JSON.stringify([]) }).catch(
        (e: unknown) => e,
      );
      expect((fromText as DataSourceError).kind).toBe('api');
    } finally {
      globalThis.Worker = original;
    }
  });

  it('stops loading when cancelled', async () => {
    const controller = new AbortController();
    const pending = loadTraceInWorker({ source, traceId: demoId }, { signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).kind).toBe('aborted');
  });
});
