// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveClient, type LiveClient, type LiveClientOptions } from './connection';
import { IDLE_EXECUTION_STATE, IDLE_METRICS_STATE } from './streamState';
import { executionStream, METRICS_STREAM } from './streams';
import { fakeTransports } from '@/test/live/fakeTransports';
import { execution, metricsSnapshot } from '@/test/live/fixtures';

let transports: ReturnType<typeof fakeTransports>;
let client: LiveClient;

function start(overrides: LiveClientOptions = {}) {
  client = createLiveClient({
    baseUrl: 'https://gw.test/base/',
    wsImpl: transports.wsImpl,
    eventSourceImpl: transports.eventSourceImpl,
    fetchImpl: async () => Response.json({}),
    visibility: null,
    warn: () => {},
    ...overrides,
  });
  return client;
}

beforeEach(() => {
  vi.useFakeTimers();
  transports = fakeTransports();
});

afterEach(() => {
  client.close();
  vi.useRealTimers();
});

describe('createLiveClient', () => {
  it('shares one socket per stream and closes it after the last subscriber leaves', async () => {
    start({ lingerMs: 1_000 });
    const leaveA = client.subscribe(METRICS_STREAM, () => {});
    const leaveB = client.subscribe({ kind: 'metrics' }, () => {});
    const leaveRun = client.subscribe(executionStream('run/1'), () => {});
    expect(transports.sockets.map((socket) => socket.url)).toEqual([
      'wss://gw.test/base/api/v1/observability/ws/metrics',
      'wss://gw.test/base/api/v1/observability/ws/executions/run%2F1',
    ]);
    const metricsSocket = transports.sockets[0];

    leaveA();
    leaveA();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(metricsSocket?.closedWith).toBeNull();
    leaveB();
    await vi.advanceTimersByTimeAsync(999);
    expect(metricsSocket?.closedWith).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(metricsSocket?.closedWith).not.toBeNull();
    expect(client.getSnapshot(METRICS_STREAM)).toBe(IDLE_METRICS_STATE);
    leaveRun();
  });

  it('keeps the socket when a subscriber returns within the linger time', async () => {
    start({ lingerMs: 1_000 });
    client.subscribe(METRICS_STREAM, () => {})();
    await vi.advanceTimersByTimeAsync(500);
    client.subscribe(METRICS_STREAM, () => {});
    await vi.advanceTimersByTimeAsync(5_000);
    expect(transports.sockets).toHaveLength(1);
    expect(transports.socket().closedWith).toBeNull();
  });

  it('keeps snapshot identity between notifications and changes it on notify', async () => {
    start();
    const listener = vi.fn();
    const stream = client.stream(METRICS_STREAM);
    expect(stream.getSnapshot()).toBe(IDLE_METRICS_STATE);
    stream.subscribe(listener);
    transports.socket().open();
    await vi.advanceTimersByTimeAsync(20);
    const before = stream.getSnapshot();
    expect(stream.getSnapshot()).toBe(before);

    transports
      .socket()
      .receive({ type: 'metrics.snapshot', seq: 1, ts: 5, data: metricsSnapshot() });
    transports
      .socket()
      .receive({ type: 'metrics.snapshot', seq: 2, ts: 6, data: metricsSnapshot() });
    expect(stream.getSnapshot()).toBe(before);
    const calls = listener.mock.calls.length;
    await vi.advanceTimersByTimeAsync(16);
    expect(listener).toHaveBeenCalledTimes(calls + 1);
    const after = stream.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.seq).toBe(2);
    expect(after.history.map((sample) => sample.ts)).toEqual([5, 6]);
    expect(Object.isFrozen(after)).toBe(true);
  });

  it('without a gateway polls the caller-provided fallback, validating what it returns', async () => {
    const metrics = vi
      .fn<() => Promise<ReturnType<typeof metricsSnapshot>>>()
      .mockResolvedValueOnce(metricsSnapshot({ failures1h: 4 }))
      .mockResolvedValueOnce({ ...metricsSnapshot(), successRate: 7 });
    start({ baseUrl: null, pollIntervalMs: 2_000, pollFallback: { metrics } });
    client.subscribe(METRICS_STREAM, () => {});
    await vi.advanceTimersByTimeAsync(16);
    let state = client.getSnapshot(METRICS_STREAM);
    expect([state.status, state.transport, state.snapshot?.failures1h]).toEqual([
      'polling',
      'polling',
      4,
    ]);
    expect(transports.sockets).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(2_000);
    state = client.getSnapshot(METRICS_STREAM);
    expect(state.status).toBe('offline');
    expect(state.error).toMatch(/successRate/);
    expect(state.snapshot?.failures1h).toBe(4);
    expect(client.rest).toBeNull();
  });

  it('reports offline when there is neither a gateway nor a fallback', async () => {
    start({ baseUrl: undefined });
    client.subscribe(executionStream('run-1'), () => {});
    await vi.advanceTimersByTimeAsync(16);
    expect(client.getSnapshot(executionStream('run-1'))).toMatchObject({
      status: 'offline',
      transport: null,
      error: 'no live gateway configured and no polling source',
    });
    expect(client.getSnapshot(executionStream('run-2'))).toBe(IDLE_EXECUTION_STATE);
  });

  it('refuses new subscriptions once closed', () => {
    start();
    client.subscribe(METRICS_STREAM, () => {});
    client.close();
    expect(transports.socket().closedWith).not.toBeNull();
    expect(() => client.subscribe(METRICS_STREAM, () => {})).toThrow(/closed/);
  });

  it('exposes the validated REST endpoints', async () => {
    const fetchImpl = vi.fn(async () =>
      Response.json({ seq: 4, ts: '2026-01-02T03:04:05Z', data: execution('run-1') }),
    );
    start({ fetchImpl });
    const response = await client.rest?.execution('run-1');
    expect(response?.ts).toBe(Date.parse('2026-01-02T03:04:05Z'));
    expect(fetchImpl).toHaveBeenCalledWith(
      'https://gw.test/base/api/v1/observability/executions/run-1',
      expect.anything(),
    );
  });
});
