import { detectAndParse, type Trace } from '@/datasources/traces';
import { getLocalTrace } from '@/state/openedTraces';
import { parseTraceFile } from '@/datasources/traces/local/parseTraceFile';

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
 * The trace behind a `local-…` id: the one parsed when the file was opened, or else parsed now
 * from the kept document (the trace with the entry's id, or the document's first).
 */
export async function loadLocalTrace(id: string, signal?: AbortSignal): Promise<Trace> {
  const entry = getLocalTrace(id);
  if (!entry) throw new LocalTraceMissingError(id);
  if (entry.trace) return entry.trace;
  const { traces } =
    typeof entry.source === 'string'
      ? detectAndParse(entry.source)
      : await parseTraceFile(entry.source, { signal });
  const trace =
    traces.find((t) => t.traceId === entry.traceId) ??
    (entry.traceId === null ? traces[0] : undefined);
  if (!trace) {
    throw new Error(
      entry.traceId === null
        ? `${entry.name} holds no spans.`
        : `${entry.name} holds no trace ${entry.traceId}.`,
    );
  }
  return trace;
}
