import { detectAndParse, selfTimes, selfTimeTable, TraceFormatError } from '@/datasources/traces';
import type { ParseResult, Span, Trace } from '@/datasources/traces';
import { criticalPathData, criticalPathTransfer, genAiData, genAiTransfer } from './analyses';
import { loadError, toErrorInfo } from './errors';
import { receiveBody } from './byteChannel';
import { openTrace } from '@/datasources/traces/openTrace';
import { jaegerQuickLook } from './quickOverview';
import { buildOverview } from './overview';
import type {
  LoadProgress,
  SpanDetail,
  TraceInput,
  WorkerRequest,
  WorkerResponse,
} from './protocol';
import type { ReadProgress } from './readBody';
import { PROGRESS_EVERY_MS, readJsonChunks, streamChunks } from './readBody';
import { findSpans } from './search';

export type Post = (message: WorkerResponse, transfer?: Transferable[]) => void;

interface Loaded {
  trace: Trace;
  self: Float64Array | null;
}

/**
 * The trace engine: loads one trace and answers questions about it. It runs inside the Web
 * Worker, or on the page's thread where there is no Worker (tests, old browsers); both talk
 * through the same messages, so the page cannot tell them apart.
 */
export function createTraceEngine(post: Post) {
  let loaded: Loaded | null = null;
  const loads = new Map<number, AbortController>();

  const progress = (id: number, p: LoadProgress) => post({ type: 'progress', id, progress: p });

  async function load(id: number, input: TraceInput, body: MessagePort | undefined): Promise<void> {
    const controller = new AbortController();
    loads.set(id, controller);
    try {
      progress(id, { phase: 'connecting', loadedBytes: 0, totalBytes: null });
      let bytes = 0;
      const document = await readInput(input, body, controller.signal, (loaded, total) => {
        bytes = loaded;
        progress(id, { phase: 'downloading', loadedBytes: loaded, totalBytes: total });
      });
      progress(id, { phase: 'building', loadedBytes: bytes, totalBytes: bytes });
      const result = parse(document.value, document.what);
      const trace = pickTrace(result, input);
      loaded = { trace, self: null };
      const { overview, transfer } = buildOverview(trace, result);
      post({ type: 'result', id, value: overview }, transfer);
    } finally {
      loads.delete(id);
    }
  }

  function spanDetail(index: number): SpanDetail {
    const { trace } = requireLoaded();
    const span = trace.spans[index];
    if (!span) throw loadError('internal', `No span at row ${index}`);
    return { ...toDetail(span), index, selfUs: selfTimeOf(index) };
  }

  function selfTimeOf(index: number): number {
    const state = requireLoaded();
    state.self ??= selfTimes(state.trace);
    return state.self[index] ?? 0;
  }

  function requireLoaded(): Loaded {
    if (!loaded) throw loadError('internal', 'No trace is loaded');
    return loaded;
  }

  async function handle(request: WorkerRequest): Promise<void> {
    const { id } = request;
    try {
      switch (request.type) {
        case 'load':
          return await load(id, request.input, request.bytes);
        case 'cancel':
          loads.get(id)?.abort();
          return;
        case 'span':
          return post({ type: 'result', id, value: spanDetail(request.index) });
        case 'find': {
          const matches = findSpans(requireLoaded().trace, request.query);
          return post({ type: 'result', id, value: matches }, [matches.buffer]);
        }
        case 'critical-path': {
          const data = criticalPathData(requireLoaded().trace);
          return post({ type: 'result', id, value: data }, criticalPathTransfer(data));
        }
        case 'genai': {
          const data = genAiData(requireLoaded().trace);
          return post({ type: 'result', id, value: data }, genAiTransfer(data));
        }
        case 'self-time': {
          const state = requireLoaded();
          state.self ??= selfTimes(state.trace);
          return post({ type: 'result', id, value: selfTimeTable(state.trace, state.self) });
        }
      }
    } catch (error) {
      post({ type: 'error', id, error: toErrorInfo(error) });
    }
  }

  return { handle };
}

/** A document to hand to `detectAndParse`: parsed JSON, or text (NDJSON), and its name. */
interface ReadDocument {
  value: unknown;
  what: string;
}

async function readInput(
  input: TraceInput,
  bytes: MessagePort | undefined,
  signal: AbortSignal,
  onBytes: (loaded: number, total: number | null) => void,
): Promise<ReadDocument> {
  const onProgress = (p: ReadProgress) => onBytes(p.loadedBytes, p.totalBytes);
  if ('text' in input) return { value: input.text, what: 'The text' };
  if ('file' in input) {
    const what = `The file${input.name ? ` ${input.name}` : ''}`;
    if (typeof input.file.stream !== 'function') return { value: await input.file.text(), what };
    const read = await readJsonChunks(
      streamChunks(input.file.stream(), () => signal.throwIfAborted()),
      { totalBytes: input.file.size, onProgress, what },
    );
    // Several JSON documents (NDJSON): the text reader knows every line format.
    if (read.documents > 1) return { value: await input.file.text(), what };
    return { value: read.value, what };
  }
  if (!bytes) {
    const body = await openTrace(input.source, input.traceId, { signal });
    const read = await readJsonChunks(body.chunks, { ...body, onProgress });
    return { value: read.value, what: body.what };
  }
  // A body from the fetch worker may be held unread while it arrives and is scanned for the
  // quick overview (byteChannel.ts): its progress is counted as it arrives, a few times a
  // second, not as it is parsed.
  let totalBytes: number | null = null;
  let reportedAt = -Infinity;
  const onReceived = (received: number) => {
    const now = performance.now();
    if (now - reportedAt < PROGRESS_EVERY_MS && received !== totalBytes) return;
    reportedAt = now;
    onBytes(received, totalBytes);
  };
  const body = await receiveBody(bytes, signal, onReceived, jaegerQuickLook);
  totalBytes = body.totalBytes;
  const read = await readJsonChunks(body.chunks, body);
  return { value: read.value, what: body.what };
}

function parse(document: unknown, what: string): ParseResult {
  try {
    return detectAndParse(document);
  } catch (error) {
    if (error instanceof TraceFormatError) {
      throw loadError('schema', `${what} is not a trace: ${error.message}`);
    }
    throw error;
  }
}

/** The trace asked for, else the first one; a document without spans is an error. */
function pickTrace(result: ParseResult, input: TraceInput): Trace {
  const wanted = input.traceId ? comparableId(input.traceId) : null;
  const trace =
    (wanted && result.traces.find((t) => comparableId(t.traceId) === wanted)) || result.traces[0];
  if (trace) return trace;
  const why = result.warnings.length > 0 ? ` ${result.warnings.join(' ')}` : '';
  const id = input.traceId ? ` ${input.traceId}` : '';
  throw loadError(
    'api',
    `The ${'source' in input ? 'response' : 'document'} holds no spans for trace${id}.${why}`,
  );
}

/** Jaeger sometimes drops leading zeros of 128-bit ids; hex case never matters. */
function comparableId(id: string): string {
  return id.trim().toLowerCase().replace(/^0+/, '');
}

function toDetail(span: Span): Omit<SpanDetail, 'index' | 'selfUs'> {
  return {
    key: span.key,
    spanId: span.spanId,
    traceId: span.traceId,
    parentSpanId: span.parentSpanId,
    refType: span.refType,
    service: span.service,
    operation: span.operation,
    startUs: span.startUs,
    durationUs: span.durationUs,
    kind: span.kind,
    status: span.status,
    statusMessage: span.statusMessage,
    attributes: span.attributes,
    resource: span.resource,
    scope: span.scope,
    events: span.events,
    links: span.links,
    warnings: span.warnings,
    flags: span.flags,
  };
}
