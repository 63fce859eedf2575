import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { execution, step } from '@/test/live/fixtures';
import { ProvideLiveRuntime } from './LiveProvider';
import { fakeLiveRuntime } from '@/test/live/fakeLiveRuntime';
import { useExecutionUpdates } from './useExecutionUpdates';

let fake: ReturnType<typeof fakeLiveRuntime>;

beforeEach(() => {
  vi.useFakeTimers();
  fake = fakeLiveRuntime();
});
afterEach(() => {
  fake.client.close();
  vi.useRealTimers();
});

const wrapper = ({ children }: { children: ReactNode }) => (
  <ProvideLiveRuntime runtime={fake.runtime}>{children}</ProvideLiveRuntime>
);
const T0 = 1_700_000_000_000;

describe('useExecutionUpdates', () => {
  it('shows each step as it starts and changes, once per step id', () => {
    const { result } = renderHook(() => useExecutionUpdates('run-7'), { wrapper });
    const socket = fake.transports.socket();
    expect(socket.url).toBe('wss://gateway.test/api/v1/observability/ws/executions/run-7');
    act(() => {
      socket.open();
      socket.receive({ type: 'execution.snapshot', seq: 1, ts: T0, data: execution('run-7') });
    });
    expect(result.current).toMatchObject({ status: 'live', transport: 'websocket', steps: [] });

    act(() =>
      socket.receive({
        type: 'execution.step',
        seq: 2,
        ts: T0 + 1,
        data: step('s1', { startedAt: T0 + 1 }),
      }),
    );
    expect(result.current.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['s1:running']);

    act(() => {
      socket.receive({
        type: 'execution.step',
        seq: 3,
        ts: T0 + 2,
        data: step('s1', {
          startedAt: T0 + 1,
          endedAt: T0 + 2,
          status: 'failed',
          error: 'TimeoutError: no answer',
        }),
      });
      socket.receive({ type: 'execution.step', seq: 3, ts: T0 + 2, data: step('s1') });
      socket.receive({
        type: 'execution.status',
        seq: 4,
        ts: T0 + 3,
        data: { status: 'failed', endedAt: T0 + 3 },
      });
    });
    expect(result.current.steps).toHaveLength(1);
    expect(result.current.steps[0]).toMatchObject({
      status: 'failed',
      error: 'TimeoutError: no answer',
    });
    expect(result.current.finished).toBe(true);
    expect(result.current.stats.duplicatesIgnored).toBe(1);
  });

  it('keeps the run on screen, stale, while the socket reconnects', async () => {
    const { result } = renderHook(() => useExecutionUpdates('run-7'), { wrapper });
    act(() => {
      fake.transports.socket().open();
      fake.transports.socket().receive({
        type: 'execution.snapshot',
        seq: 5,
        ts: T0,
        data: execution('run-7', { steps: [step('s1')] }),
      });
    });
    act(() => fake.transports.socket().drop());
    expect(result.current).toMatchObject({ status: 'reconnecting', stale: true });
    expect(result.current.steps.map((s) => s.id)).toEqual(['s1']);

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    act(() => {
      fake.transports.socket().open();
      fake.transports.socket().receive({
        type: 'execution.snapshot',
        seq: 6,
        ts: T0 + 10,
        data: execution('run-7', { steps: [step('s1'), step('s2')] }),
      });
    });
    expect(result.current).toMatchObject({ status: 'live', stale: false });
    expect(result.current.steps.map((s) => s.id)).toEqual(['s1', 's2']);
  });

  it('stays idle without an execution id', () => {
    const { result } = renderHook(() => useExecutionUpdates(null), { wrapper });
    expect(fake.transports.sockets).toHaveLength(0);
    expect(result.current).toMatchObject({ execution: null, steps: [], finished: false });
  });
});
