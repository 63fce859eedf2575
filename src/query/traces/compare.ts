import { queryOptions } from '@tanstack/react-query';
import type { TraceSource } from '@/datasources/traces';
import {
  loadTraceInWorker,
  type TraceInput,
  type TraceOverview,
} from '@/datasources/traces/worker';
import { getLocalTrace, isLocalTraceId, localTraceInput } from '@/state/openedTraces';

/** A `local-…` id that is not in this tab's memory (files are never stored). */
export class LocalTraceMissingError extends Error {
  constructor(id: string) {
    super(
      `Trace ${id} came from a file opened in this browser tab earlier; files are kept only until the page is reloaded. Open the file again from Traces.`,
    );
    this.name = 'LocalTraceMissingError';
  }
}

/**
 * One trace by id, from the backend or, for a `local-…` id, from a file opened in this tab,
 * loaded by the trace engine as the trace view loads it. Only its overview (columns per span)
 * is kept; the engine is ended once it holds the whole trace. Traces do not change once
 * complete, so a loaded one is not refetched while it is shown.
 */
export function comparedTraceQuery(source: TraceSource | null, sourceKey: string, traceId: string) {
  const local = isLocalTraceId(traceId);
  return queryOptions({
    queryKey: local ? ['traces', 'local', traceId] : ['traces', sourceKey, 'overview', traceId],
    queryFn: async ({ signal }): Promise<TraceOverview> => {
      const handle = await loadTraceInWorker(compareInput(source, traceId), { signal });
      let whole = handle;
      try {
        whole = await handle.complete;
        return whole.overview;
      } finally {
        handle.dispose();
        if (whole !== handle) whole.dispose();
      }
    },
    staleTime: Infinity,
    gcTime: 60_000,
    enabled: traceId !== '',
  });
}

function compareInput(source: TraceSource | null, traceId: string): TraceInput {
  if (isLocalTraceId(traceId)) {
    const entry = getLocalTrace(traceId);
    if (!entry) throw new LocalTraceMissingError(traceId);
    return localTraceInput(entry);
  }
  if (!source) {
    throw new Error(
      `No trace backend is configured to load trace ${traceId}: set datasources.traces in config.json.`,
    );
  }
  return { source: source.backend(), traceId };
}
