import { useEffect, useState } from 'react';
import { afterNextPaint } from '@/lib/afterNextPaint';
import type { CriticalPathData, GenAiData, TraceHandle } from '../../worker';
import type { CriticalIndex } from '../model/critical';
import { indexCriticalPath } from '../model/critical';

/** GenAI usage, asked for right after the first paint (rows show tokens and cost). */
export function useGenAi(handle: TraceHandle): GenAiData | null {
  const [data, setData] = useState<GenAiData | null>(null);
  useEffect(() => {
    let live = true;
    // On a big trace this keeps the worker off the processor the first paint needs.
    const cancel = afterNextPaint(() =>
      handle.genAi().then(
        (value) => live && setData(value),
        () => undefined,
      ),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [handle]);
  return data;
}

export interface CriticalPath {
  index: CriticalIndex;
  data: CriticalPathData;
}

/** The critical path, computed in the worker the first time it is switched on. */
export function useCriticalPath(handle: TraceHandle, enabled: boolean): CriticalPath | null {
  const [path, setPath] = useState<CriticalPath | null>(null);
  useEffect(() => {
    if (!enabled || path) return;
    let live = true;
    handle.criticalPath().then(
      (data) =>
        live && setPath({ data, index: indexCriticalPath(data, handle.overview.spanCount) }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [handle, enabled, path]);
  return enabled ? path : null;
}
