import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TraceHandle, TraceOverview } from '@/datasources/traces/worker';
import { DataSourceError } from '@/datasources/http';
import { useTraceLoad } from './useTraceLoad';

const loadTraceInWorker = vi.fn<() => Promise<TraceHandle>>();
vi.mock('@/datasources/traces/worker', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/datasources/traces/worker')>()),
  loadTraceInWorker: () => loadTraceInWorker(),
}));

function fakeHandle(name: string, complete?: Promise<TraceHandle>): TraceHandle {
  const handle = {
    overview: { traceId: name } as TraceOverview,
    mode: 'worker',
    getSpan: vi.fn(),
    find: vi.fn(),
    criticalPath: vi.fn(),
    genAi: vi.fn(),
    selfTime: vi.fn(),
    rowsShown: vi.fn(),
    dispose: vi.fn(),
  } as unknown as TraceHandle & { complete: Promise<TraceHandle> };
  handle.complete = complete ?? Promise.resolve(handle);
  return handle;
}

const input = { text: '{}' };

afterEach(() => loadTraceInWorker.mockReset());

describe('useTraceLoad with a quick overview first', () => {
  it('takes the full parse’s overview when it differs from the quick one', async () => {
    let finish: (handle: TraceHandle) => void = () => undefined;
    const quick = fakeHandle('quick', new Promise((resolve) => (finish = resolve)));
    loadTraceInWorker.mockResolvedValue(quick);
    const { result } = renderHook(() => useTraceLoad(input, 'a'));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.status === 'ready' && result.current.handle.overview.traceId).toBe(
      'quick',
    );
    await act(async () => finish(fakeHandle('full')));
    expect(result.current.status === 'ready' && result.current.handle.overview.traceId).toBe(
      'full',
    );
  });

  it('lets the full parse start once the quick overview’s rows have been painted', async () => {
    const frames: FrameRequestCallback[] = [];
    const frame = vi
      .spyOn(window, 'requestAnimationFrame')
      .mockImplementation((callback) => frames.push(callback));
    try {
      const quick = fakeHandle('quick', new Promise<TraceHandle>(() => undefined));
      loadTraceInWorker.mockResolvedValue(quick);
      const { result } = renderHook(() => useTraceLoad(input, 'd'));
      await waitFor(() => expect(result.current.status).toBe('ready'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      // Not with the render that shows the rows: after the frame that paints them.
      expect(quick.rowsShown).not.toHaveBeenCalled();
      expect(frames).toHaveLength(1);
      frames.forEach((callback) => callback(performance.now()));
      await waitFor(() => expect(quick.rowsShown).toHaveBeenCalledTimes(1));
    } finally {
      frame.mockRestore();
    }
  });

  it('shows the full parse’s failure in place of the rows drawn before it', async () => {
    let fail: (error: Error) => void = () => undefined;
    const complete = new Promise<TraceHandle>((_resolve, reject) => (fail = reject));
    loadTraceInWorker.mockResolvedValue(fakeHandle('quick', complete));
    const { result } = renderHook(() => useTraceLoad(input, 'b'));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(async () =>
      fail(
        new DataSourceError({
          kind: 'parse',
          message: "Jaeger's response is not valid JSON",
        }),
      ),
    );
    expect(result.current.status).toBe('error');
    expect(result.current.status === 'error' && result.current.error.message).toMatch(
      /not valid JSON/,
    );
  });

  it('ends the worker of the handle it shows last when unmounted', async () => {
    const full = fakeHandle('full');
    loadTraceInWorker.mockResolvedValue(fakeHandle('quick', Promise.resolve(full)));
    const { result, unmount } = renderHook(() => useTraceLoad(input, 'c'));
    await waitFor(() =>
      expect(result.current.status === 'ready' && result.current.handle.overview.traceId).toBe(
        'full',
      ),
    );
    unmount();
    expect(full.dispose).toHaveBeenCalled();
  });
});
