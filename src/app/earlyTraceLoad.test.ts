// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prewarmTraceWorker, startTraceLoadEarly } from '@/datasources/traces/worker/client';
import { startDeepLinkedTraceLoad, traceSourceOf } from './earlyTraceLoad';

vi.mock('@/datasources/traces/worker/client', () => ({
  startTraceLoadEarly: vi.fn(),
  prewarmTraceWorker: vi.fn(),
}));

const config = (traces: unknown, extra: Record<string, unknown> = {}) => ({
  datasources: { traces },
  ...extra,
});

describe('traceSourceOf', () => {
  it('reads the trace source as the app will, defaults included', () => {
    expect(traceSourceOf(config({ kind: 'tempo', url: ' http://tempo:3200 ' }))).toEqual({
      kind: 'tempo',
      url: 'http://tempo:3200',
      headers: {},
      timeoutMs: 30_000,
    });
    expect(
      traceSourceOf(
        config({ kind: 'jaeger', url: '/jaeger', headers: { 'X-Scope-OrgID': 't' }, timeoutMs: 5 }),
      ),
    ).toEqual({ kind: 'jaeger', url: '/jaeger', headers: { 'X-Scope-OrgID': 't' }, timeoutMs: 5 });
  });

  it('gives up on anything it is not sure about', () => {
    expect(traceSourceOf(null)).toBeNull();
    expect(traceSourceOf('text')).toBeNull();
    expect(traceSourceOf({})).toBeNull();
    expect(traceSourceOf(config({ kind: 'zipkin', url: '/z' }))).toBeNull();
    expect(traceSourceOf(config({ kind: 'jaeger', url: '  ' }))).toBeNull();
    expect(traceSourceOf(config({ kind: 'jaeger', url: '/j', headers: { a: 1 } }))).toBeNull();
    expect(traceSourceOf(config({ kind: 'jaeger', url: '/j', timeoutMs: 1.5 }))).toBeNull();
    // Demo mode points every source at the in-browser simulator, which starts with the app.
    expect(traceSourceOf(config({ kind: 'jaeger', url: '/j' }, { demo: true }))).toBeNull();
  });
});

describe('startDeepLinkedTraceLoad', () => {
  const response = (body: unknown) => Promise.resolve(JSON.stringify(body));
  const jaeger = config({ kind: 'jaeger', url: '/jaeger' });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  beforeEach(() => vi.stubGlobal('Worker', class {}));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.mocked(startTraceLoadEarly).mockClear();
    vi.mocked(prewarmTraceWorker).mockClear();
  });

  it('starts the linked trace once config.json has arrived', async () => {
    let arrive: (text: string) => void = () => undefined;
    const configText = new Promise<string>((resolve) => (arrive = resolve));
    startDeepLinkedTraceLoad({ pathname: '/obs/traces/abc%2F1', search: '' }, '/obs/', configText);
    // The workers start loading while config.json is still on its way.
    expect(prewarmTraceWorker).toHaveBeenCalledTimes(1);
    expect(startTraceLoadEarly).not.toHaveBeenCalled();
    arrive(JSON.stringify(jaeger));
    await settle();
    expect(startTraceLoadEarly).toHaveBeenCalledWith(
      { kind: 'jaeger', url: '/jaeger', headers: {}, timeoutMs: 30_000 },
      'abc/1',
    );
  });

  it('leaves every other page, demo mode and local files alone', async () => {
    for (const [pathname, search] of [
      ['/traces', ''],
      ['/traces/compare', ''],
      ['/traces/local-x1-1', ''],
      ['/traces/abc', '?demo=1'],
      ['/health', ''],
      ['/traces/%E0%A4%A', ''],
    ] as const) {
      startDeepLinkedTraceLoad({ pathname, search }, '/', response(jaeger));
    }
    startDeepLinkedTraceLoad(
      { pathname: '/traces/abc', search: '' },
      '/',
      Promise.resolve('<html>not JSON</html>'),
    );
    startDeepLinkedTraceLoad(
      { pathname: '/traces/abc', search: '' },
      '/',
      Promise.reject(new TypeError('Failed to fetch')),
    );
    await settle();
    expect(startTraceLoadEarly).not.toHaveBeenCalled();
    // Only the two links to a backend trace (with a config that then fails) started workers.
    expect(prewarmTraceWorker).toHaveBeenCalledTimes(2);
  });

  it('does nothing without Web Workers, where loading would hold up the page', async () => {
    vi.stubGlobal('Worker', undefined);
    startDeepLinkedTraceLoad({ pathname: '/traces/abc', search: '' }, '/', response(jaeger));
    await settle();
    expect(startTraceLoadEarly).not.toHaveBeenCalled();
    expect(prewarmTraceWorker).not.toHaveBeenCalled();
  });
});
