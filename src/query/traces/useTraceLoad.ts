import { useEffect, useLayoutEffect, useState } from 'react';
import { afterNextPaint } from '@/lib/afterNextPaint';
import { DataSourceError } from '@/datasources/http';
import { loadTraceInWorker } from '@/datasources/traces/worker';
import type { LoadProgress, TraceHandle, TraceInput } from '@/datasources/traces/worker';

export type TraceLoadState =
  | { status: 'loading'; progress: LoadProgress | null }
  | { status: 'error'; error: DataSourceError }
  | { status: 'ready'; handle: TraceHandle };

/**
 * Loads a trace in the worker while the component is mounted. `inputKey` identifies the input
 * (a new key loads again); the trace's worker is ended when the key changes or on unmount.
 */
export function useTraceLoad(input: TraceInput | null, inputKey: string): TraceLoadState {
  const [state, setState] = useState<TraceLoadState>({ status: 'loading', progress: null });

  // A layout effect starts the load before the first paint rather than after it.
  useLayoutEffect(() => {
    if (!input) return;
    const controller = new AbortController();
    let handle: TraceHandle | null = null;
    setState({ status: 'loading', progress: null });
    // Marks for the waterfall benchmark and the browser's performance panel.
    performance.mark?.('trace-view:load-start');
    loadTraceInWorker(input, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (!controller.signal.aborted) setState({ status: 'loading', progress });
      },
    }).then(
      (loaded) => {
        if (controller.signal.aborted) {
          loaded.dispose();
          return;
        }
        handle = loaded;
        performance.mark?.('trace-view:overview');
        setState({ status: 'ready', handle: loaded });
        // A quick overview the engine's full parse corrects, or a full parse that fails.
        loaded.complete.then(
          (complete) => {
            performance.mark?.('trace-view:complete');
            if (controller.signal.aborted || complete === loaded) return;
            handle = complete;
            setState({ status: 'ready', handle: complete });
          },
          (error: unknown) => {
            if (!controller.signal.aborted)
              setState({ status: 'error', error: asLoadError(error) });
          },
        );
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asLoadError(error) });
      },
    );
    return () => {
      controller.abort();
      handle?.dispose();
    };
    // The key stands for the input: a new object with the same key must not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inputKey]);

  // Once the rows are on screen, the engine may start its full parse (TraceHandle.rowsShown).
  const shown = state.status === 'ready' ? state.handle : null;
  useEffect(() => (shown ? afterNextPaint(() => shown.rowsShown()) : undefined), [shown]);

  return state;
}

function asLoadError(error: unknown): DataSourceError {
  return error instanceof DataSourceError
    ? error
    : new DataSourceError({ kind: 'internal', message: String(error) });
}
