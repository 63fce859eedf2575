import { useEffect, useState } from 'react';
import { afterNextPaint } from '@/lib/afterNextPaint';
import type { CriticalPathData, GenAiData, TraceHandle } from '@/datasources/traces/worker';
import type { CriticalIndex } from '../model/critical';
import { indexCriticalPath } from '../model/critical';

/** GenAI usage, asked for right after the first paint (rows show tokens and cost). */
/** The trace's GenAI usage; null when it has none, undefined while it is being worked out. */
export function useGenAi(handle: TraceHandle): GenAiData | null | undefined {
  // Kept with the handle it answers for, so a new handle reads as "still working it out".
  const [data, setData] = useState<{ for: TraceHandle; value: GenAiData | null } | null>(null);
  useEffect(() => {
    let live = true;
    // On a big trace this keeps the worker off the processor the first paint needs.
    const cancel = afterNextPaint(() =>
      handle.genAi().then(
        (value) => live && setData({ for: handle, value }),
        // A handle replaced by the full parse's asks again; any other failure shows as none.
        () => live && setData({ for: handle, value: null }),
      ),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [handle]);
  return data?.for === handle ? data.value : undefined;
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
