import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { metricsSnapshot } from '@/test/live/fixtures';
import { ProvideLiveRuntime } from './LiveProvider';
import type { LiveRuntime } from './liveRuntime';
import type { PrometheusMetricsSource } from './prometheusMetricsSource';
import type { SnapshotField } from './prometheusSnapshot';
import { fakeLiveRuntime } from '@/test/live/fakeLiveRuntime';
import { useObservabilityMetrics } from './useObservabilityMetrics';

let fake: ReturnType<typeof fakeLiveRuntime>;

beforeEach(() => {
  vi.useFakeTimers();
  fake = fakeLiveRuntime();
});
afterEach(() => {
  fake.client.close();
  vi.useRealTimers();
});

function wrapper(runtime: LiveRuntime) {
  return ({ children }: { children: ReactNode }) => (
    <ProvideLiveRuntime runtime={runtime}>{children}</ProvideLiveRuntime>
  );
}

const snapshotMessage = (seq: number, running: number) => ({
  type: 'metrics.snapshot',
  seq,
  ts: 1_700_000_000_000 + seq * 2_000,
  data: metricsSnapshot({ runningExecutions: running }),
});

describe('useObservabilityMetrics', () => {
  it('reports connecting, then live over WebSocket with the snapshot and its history', () => {
    const { result } = renderHook(() => useObservabilityMetrics(), {
      wrapper: wrapper(fake.runtime),
    });
    expect(result.current).toMatchObject({ status: 'connecting', metrics: null, stale: false });

    const socket = fake.transports.socket();
    expect(socket.url).toBe('wss://gateway.test/api/v1/observability/ws/metrics');
    act(() => {
      socket.open();
      socket.receive(snapshotMessage(1, 4));
      socket.receive(snapshotMessage(2, 6));
    });
    expect(result.current).toMatchObject({
      status: 'live',
      transport: 'websocket',
      error: null,
      stale: false,
      source: 'gateway',
    });
    expect(result.current.metrics?.runningExecutions).toBe(6);
    expect(result.current.history.map((sample) => sample.data.runningExecutions)).toEqual([4, 6]);
    expect(result.current.lastUpdate).not.toBeNull();
  });

  it('keeps the numbers through a reconnect, marked stale until fresh data arrives', async () => {
    const { result } = renderHook(() => useObservabilityMetrics(), {
      wrapper: wrapper(fake.runtime),
    });
    act(() => {
      fake.transports.socket().open();
      fake.transports.socket().receive(snapshotMessage(1, 4));
    });
    act(() => fake.transports.socket().drop(1006, 'network lost'));
    expect(result.current).toMatchObject({
      status: 'reconnecting',
      error: 'closed (code 1006: network lost)',
      stale: true,
    });
    expect(result.current.metrics?.runningExecutions).toBe(4);
    const staleSince = result.current.staleSince;
    expect(staleSince).not.toBeNull();

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(fake.transports.sockets).toHaveLength(2);
    act(() => fake.transports.socket().open());
    expect(result.current).toMatchObject({ status: 'live', stale: true, staleSince });

    await act(() => vi.advanceTimersByTimeAsync(10));
    act(() => fake.transports.socket().receive(snapshotMessage(2, 7)));
    expect(result.current).toMatchObject({ status: 'live', stale: false, staleSince: null });
    expect(result.current.metrics?.runningExecutions).toBe(7);
  });

  it('does not subscribe when disabled', () => {
    const { result } = renderHook(() => useObservabilityMetrics({ enabled: false }), {
      wrapper: wrapper(fake.runtime),
    });
    expect(fake.transports.sockets).toHaveLength(0);
    expect(result.current.metrics).toBeNull();
  });

  it('lists the fields a Prometheus-computed snapshot cannot provide', () => {
    const missing: ReadonlySet<SnapshotField> = new Set(['workflows', 'resources.ioBytesPerSec']);
    const prometheus: PrometheusMetricsSource = {
      fetch: async () => {
        throw new Error('not used');
      },
      unavailable: () => missing,
      subscribe: () => () => {},
    };
    const { result } = renderHook(() => useObservabilityMetrics(), {
      wrapper: wrapper({ ...fake.runtime, source: 'prometheus', prometheus }),
    });
    expect(result.current.source).toBe('prometheus');
    expect(result.current.unavailable).toBe(missing);
  });
});
