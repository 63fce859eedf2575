// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveClient, type LiveClient, type LiveClientOptions } from './connection';
import type { FrameScheduler, VisibilitySource } from './runtime';
import { pingMessageSchema } from './schema';
import { executionStream, METRICS_STREAM } from './streams';
import { fakeTransports } from '@/test/live/fakeTransports';
import { execution, metricsSnapshot } from '@/test/live/fixtures';

const syncFrames: FrameScheduler = (callback) => {
  callback();
  return () => {};
};

const metricsMessage = (seq: number) => ({
  type: 'metrics.snapshot',
  seq,
  ts: 1_700_000_000_000 + seq,
  data: metricsSnapshot({ activeSteps: seq }),
});

let transports: ReturnType<typeof fakeTransports>;
let fetchImpl: ReturnType<typeof vi.fn<(url: string) => Promise<Response>>>;
let client: LiveClient;

function start(overrides: LiveClientOptions = {}) {
  client = createLiveClient({
    baseUrl: 'http://gw.test',
    wsImpl: transports.wsImpl,
    eventSourceImpl: transports.eventSourceImpl,
    fetchImpl,
    scheduleFrame: syncFrames,
    random: () => 0.5,
    visibility: null,
    lingerMs: 0,
    warn: () => {},
    ...overrides,
  });
  return client;
}

beforeEach(() => {
  vi.useFakeTimers();
  transports = fakeTransports();
  fetchImpl = vi.fn(async (url: string) =>
    url.endsWith('/overview')
      ? Response.json({ seq: 7, ts: 1, data: metricsSnapshot({ activeSteps: 70 }) })
      : Response.json({ seq: 3, ts: 1, data: execution('run-1') }),
  );
});

afterEach(() => {
  client.close();
  vi.useRealTimers();
});

describe('reconnecting', () => {
  it('waits a full-jitter exponential delay between attempts', async () => {
    start().subscribe(METRICS_STREAM, () => {});
    transports.socket().open();
    transports.socket().drop();
    expect(client.getSnapshot(METRICS_STREAM).status).toBe('reconnecting');

    // random() = 0.5 → half of base·2^0 = 250 ms, then half of base·2^1 = 500 ms.
    await vi.advanceTimersByTimeAsync(249);
    expect(transports.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(transports.sockets).toHaveLength(2);
    transports.socket().open();
    transports.socket().drop();
    await vi.advanceTimersByTimeAsync(499);
    expect(transports.sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(transports.sockets).toHaveLength(3);
    expect(client.getSnapshot(METRICS_STREAM).stats.reconnects).toBe(1);
  });

  it('resets the attempt count once a connection has stayed up resetAfterMs', async () => {
    start({ pingIntervalMs: 10 * 60_000 }).subscribe(METRICS_STREAM, () => {});
    transports.socket().open();
    transports.socket().drop();
    await vi.advanceTimersByTimeAsync(250);
    transports.socket().open();
    await vi.advanceTimersByTimeAsync(60_000);
    transports.socket().drop();
    await vi.advanceTimersByTimeAsync(250);
    expect(transports.sockets).toHaveLength(3);
  });

  it('falls back to SSE after fallbackAfterAttempts failures and probes the WebSocket', async () => {
    start({ probeIntervalMs: 5_000 }).subscribe(METRICS_STREAM, () => {});
    for (let attempt = 0; attempt < 3; attempt += 1) {
      transports.socket().open();
      transports.socket().drop(1011, 'overloaded');
      await vi.advanceTimersByTimeAsync(2_000);
    }
    expect(transports.sockets).toHaveLength(3);
    expect(transports.source().url).toBe('http://gw.test/api/v1/observability/metrics/stream');
    transports.source().open();
    transports.source().receive(metricsMessage(1));
    let state = client.getSnapshot(METRICS_STREAM);
    expect([state.status, state.transport, state.snapshot?.activeSteps]).toEqual([
      'live',
      'sse',
      1,
    ]);

    await vi.advanceTimersByTimeAsync(5_000);
    expect(transports.sockets).toHaveLength(4);
    transports.socket().open();
    state = client.getSnapshot(METRICS_STREAM);
    expect([state.status, state.transport]).toEqual(['live', 'websocket']);
    expect(transports.source().closed).toBe(true);
  });

  it('steps down at once when the socket is refused; an execution goes straight to polling', async () => {
    start({ pollIntervalMs: 1_000 }).subscribe(executionStream('run-1'), () => {});
    transports.socket().refuse();
    await vi.advanceTimersByTimeAsync(0);
    const state = client.getSnapshot(executionStream('run-1'));
    expect([state.status, state.transport]).toEqual(['polling', 'polling']);
    expect(state.execution?.id).toBe('run-1');
    expect(transports.sources).toHaveLength(0);
    expect(fetchImpl).toHaveBeenCalledWith(
      'http://gw.test/api/v1/observability/executions/run-1',
      expect.anything(),
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('gives up on a socket that neither opens nor fails within connectTimeoutMs', async () => {
    start({ connectTimeoutMs: 3_000 }).subscribe(METRICS_STREAM, () => {});
    await vi.advanceTimersByTimeAsync(3_000);
    expect(transports.socket().closedWith).not.toBeNull();
    expect(transports.sources).toHaveLength(1);
  });
});

describe('liveness', () => {
  it('pings on schedule and keeps a socket that answers', async () => {
    start({ pingIntervalMs: 1_000, pongTimeoutMs: 500 }).subscribe(METRICS_STREAM, () => {});
    const socket = transports.socket();
    socket.open();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(pingMessageSchema.parse(socket.pings()[0])).toMatchObject({ type: 'ping', seq: 1 });
    socket.receive({ type: 'pong', data: { ts: 1 } });
    await vi.advanceTimersByTimeAsync(1_400);
    expect(socket.pings()).toHaveLength(2);
    expect(socket.closedWith).toBeNull();
  });

  it('declares a socket without a pong dead, closes it and reconnects', async () => {
    start({ pingIntervalMs: 1_000, pongTimeoutMs: 500 }).subscribe(METRICS_STREAM, () => {});
    const socket = transports.socket();
    socket.open();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(socket.closedWith?.code).toBe(4000);
    const state = client.getSnapshot(METRICS_STREAM);
    expect([state.status, state.error]).toEqual(['reconnecting', 'no pong within 500 ms']);
    await vi.advanceTimersByTimeAsync(250);
    expect(transports.sockets).toHaveLength(2);
  });
});

describe('page visibility', () => {
  function fakeVisibility() {
    const listeners = new Set<() => void>();
    const source: VisibilitySource & { set(hidden: boolean): void } = {
      hidden: false,
      addEventListener: (_type, listener) => listeners.add(listener),
      removeEventListener: (_type, listener) => listeners.delete(listener),
      set(hidden) {
        (this as { hidden: boolean }).hidden = hidden;
        for (const listener of listeners) listener();
      },
    };
    return source;
  }

  it('closes while hidden and reconnects when visible again', () => {
    const visibility = fakeVisibility();
    start({ pauseWhenHidden: true, visibility }).subscribe(METRICS_STREAM, () => {});
    transports.socket().open();
    visibility.set(true);
    expect(transports.socket().closedWith).not.toBeNull();
    expect(client.getSnapshot(METRICS_STREAM)).toMatchObject({ status: 'offline', paused: true });

    visibility.set(false);
    expect(transports.sockets).toHaveLength(2);
    transports.socket().open();
    expect(client.getSnapshot(METRICS_STREAM)).toMatchObject({ status: 'live', paused: false });
  });

  it('ignores visibility unless pauseWhenHidden is set', () => {
    const visibility = fakeVisibility();
    start({ visibility }).subscribe(METRICS_STREAM, () => {});
    transports.socket().open();
    visibility.set(true);
    expect(transports.socket().closedWith).toBeNull();
    expect(client.getSnapshot(METRICS_STREAM).status).toBe('live');
  });
});

describe('inbound frames', () => {
  it('shows the gateway error message and drops frames meant for another stream', () => {
    const warn = vi.fn();
    start({ warn }).subscribe(METRICS_STREAM, () => {});
    const socket = transports.socket();
    socket.open();
    socket.receive({ ...metricsMessage(1), stream: 'execution:run-9' });
    socket.receive({ type: 'error', data: { code: 'overloaded', message: 'shedding load' } });
    const state = client.getSnapshot(METRICS_STREAM);
    expect(state.stats.invalidMessages).toBe(1);
    expect(state.snapshot).toBeNull();
    expect(state.error).toBe('overloaded: shedding load');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('wrong-stream'));
  });
});
