import { DataSourceError, parseJson } from '@/datasources/http';
import { detectAndParse, TraceFormatError } from './detect';
import { normalizeHexId } from './ids';
import type { Trace } from './model';
import type { OpenedTrace } from './openTrace';

/**
 * Reads an opened trace response to the end on this thread (the compare page's two traces):
 * the format is detected, and the trace asked for is picked out. The trace view reads the same
 * response in its worker instead.
 */
export async function readTrace(
  opened: OpenedTrace,
  traceId: string,
  source: string,
): Promise<Trace> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of opened.chunks) text += decoder.decode(chunk, { stream: true });
  text += decoder.decode();
  const body = parseJson(text, opened.url, source);
  let parsed: ReturnType<typeof detectAndParse>;
  try {
    parsed = detectAndParse(body);
  } catch (error) {
    if (!(error instanceof TraceFormatError)) throw error;
    throw new DataSourceError({
      kind: 'schema',
      url: opened.url,
      source,
      message: `${source}: ${error.message}`,
      cause: error,
    });
  }
  const wanted = normalizeHexId(traceId);
  const trace = parsed.traces.find((t) => t.traceId === wanted) ?? parsed.traces[0];
  if (trace) return trace;
  const reason = parsed.warnings[0] ? `: ${parsed.warnings[0]}` : '';
  throw new DataSourceError({
    kind: 'api',
    url: opened.url,
    source,
    message: `${source} has no trace ${traceId}${reason}`,
  });
}
