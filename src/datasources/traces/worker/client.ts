import type { SelfTimeRow } from '@/datasources/traces';
import type { Port, Request } from './port';
import { WorkerFailure } from './port';
import type { DataSourceError } from '@/datasources/http';
import { loadError } from './errors';
import type {
  CriticalPathData,
  GenAiData,
  LoadProgress,
  SpanDetail,
  TraceInput,
  TraceOverview,
} from './protocol';
import type { EarlyLoad } from './earlyLoad';
import { claimEarlyLoad, discardEarlyLoad, hasEarlyLoad, keepEarlyLoad } from './earlyLoad';
import type { TraceBackend } from './protocol';
import { sameOverview } from './overview';
import { createInThreadPort, createWorkerPort, prewarmWorkers, takeFetcher } from './workers';

/**
 * Starts the trace workers ahead of need, so their scripts are loaded and running by the
 * time a trace is asked for. A load started early already has its workers; starting spares
 * then would only compete with it for the processor.
 */
export function prewarmTraceWorker(): void {
  if (!hasEarlyLoad()) prewarmWorkers();
}

/**
 * Starts loading a backend trace before anything asks for it (a deep link, while the app's
 * code loads). The next `loadTraceInWorker` for the same backend, id and headers takes it
 * over; a different request discards it, and so does nobody asking within 15 s.
 */
export function startTraceLoadEarly(source: TraceBackend, traceId: string): void {
  const controller = new AbortController();
  let early: EarlyLoad<TraceHandle> | null = null;
  const result = loadFresh(
    { source, traceId },
    {
      signal: controller.signal,
      onProgress: (progress) => {
        if (!early) return;
        early.progress = progress;
        early.onProgress?.(progress);
      },
    },
  );
  result.catch(() => undefined);
  early = {
    source,
    traceId,
    result,
    abort: () => controller.abort(),
    progress: null,
    onProgress: null,
  };
  keepEarlyLoad(early);
}

/** A loaded trace. The spans stay with the engine; ask for what you need. */
export interface TraceHandle {
  readonly overview: TraceOverview;
  /** `worker` normally; `in-thread` where Web Workers do not exist (jsdom, old browsers). */
  readonly mode: 'worker' | 'in-thread';
  getSpan(index: number): Promise<SpanDetail>;
  /** Indices of the spans matching a find query (see `search.ts`), in display order. */
  find(query: string): Promise<Int32Array>;
  criticalPath(): Promise<CriticalPathData>;
  /** Null when no span carries `gen_ai.*` attributes. */
  genAi(): Promise<GenAiData | null>;
  selfTime(): Promise<SelfTimeRow[]>;
  /**
   * Settles once the engine holds the whole trace. A Jaeger response's overview comes from a
   * quick look at its bytes, before the engine has parsed it (questions above wait for the
   * engine meanwhile). Resolves to this handle when that overview was exact, to a new handle
   * with the engine's overview when it was not; rejects if the full parse failed.
   */
  readonly complete: Promise<TraceHandle>;
  /**
   * The view calls it once it has painted the rows. The engine's full parse of a quick
   * overview's trace waits for it (a second at most), so as not to share the processor with
   * the first render; otherwise it does nothing.
   */
  rowsShown(): void;
  /** Ends the worker and frees the trace. */
  dispose(): void;
}

export interface LoadOptions {
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
  /** Run on the page's thread even where Web Workers exist. */
  inThread?: boolean;
}

/**
 * Loads a trace off the main thread: fetches it from Jaeger or Tempo (or reads a file or
 * text), parses it with the trace data layer and returns a handle with the waterfall's
 * columns. Rejects with a `DataSourceError` whose message is written for the user.
 *
 * @example
 * const trace = await loadTraceInWorker(
 *   { source: { kind: 'jaeger', url: '/jaeger', headers }, traceId },
 *   { onProgress: (p) => setProgress(p), signal },
 * );
 * const span = await trace.getSpan(0);
 * trace.dispose();
 */
export function loadTraceInWorker(
  input: TraceInput,
  options: LoadOptions = {},
): Promise<TraceHandle> {
  const early = claimEarlyLoadFor(input, options.inThread ?? false);
  if (!early) return loadFresh(input, options);
  const { onProgress, signal } = options;
  if (early.progress) onProgress?.(early.progress);
  early.onProgress = onProgress ?? null;
  if (signal?.aborted) early.abort();
  else signal?.addEventListener('abort', early.abort, { once: true });
  return early.result;
}

/** The early load if it is this very request; any other request makes it useless. */
function claimEarlyLoadFor(input: TraceInput, inThread: boolean): EarlyLoad<TraceHandle> | null {
  if ('source' in input && !inThread) return claimEarlyLoad(input.source, input.traceId);
  discardEarlyLoad();
  return null;
}

async function loadFresh(
  input: TraceInput,
  { onProgress, signal, inThread = false }: LoadOptions,
): Promise<TraceHandle> {
  const resolved = resolveInput(input);
  const worker = inThread ? null : createWorkerPort();
  if (worker) {
    try {
      const loaded = await loadInWorker(worker, resolved, signal, onProgress);
      return handleFor(worker, loaded.overview, loaded.full, loaded.rowsShown);
    } catch (error) {
      // A worker that cannot start (blocked script, no module workers) falls back to this thread.
      if (!worker.failedToStart(error)) throw error;
      worker.terminate();
    }
  }
  const local = await createInThreadPort();
  return handleFor(
    local,
    await local.request<TraceOverview>({ type: 'load', input: resolved }, signal, onProgress),
    null,
  );
}

/** The overview to draw first and, when it came from the quick look, the engine's own. */
interface LoadedOverview {
  overview: TraceOverview;
  full: Promise<TraceOverview> | null;
  /** Lets the engine start its full parse (see `TraceHandle.rowsShown`). */
  rowsShown?: () => void;
}

/**
 * Loads in the engine's worker. A backend trace is downloaded by a second worker that hands
 * the bytes over as they come (see byteChannel.ts) and, for Jaeger, sends the overview of its
 * quick look (jaegerScan.ts) first; if that worker fails, the engine's worker downloads it
 * itself.
 */
async function loadInWorker(
  port: Port,
  input: TraceInput,
  signal: AbortSignal | undefined,
  onProgress: ((progress: LoadProgress) => void) | undefined,
): Promise<LoadedOverview> {
  const fetcher = 'source' in input ? takeFetcher() : null;
  if (!fetcher || !('source' in input)) {
    const overview = await port.request<TraceOverview>({ type: 'load', input }, signal, onProgress);
    return { overview, full: null };
  }
  const attempt = new AbortController();
  const stop = () => {
    attempt.abort();
    fetcher.cancel();
  };
  signal?.addEventListener('abort', stop, { once: true });
  const cleanUp = () => {
    signal?.removeEventListener('abort', stop);
    fetcher.stop();
  };
  // Once the rows are drawn, the engine's progress ("building"…) no longer concerns the page.
  let drawn = false;
  const progress = (p: LoadProgress) => {
    if (!drawn) onProgress?.(p);
  };
  try {
    const channel = new MessageChannel();
    fetcher.fetch({
      type: 'fetch',
      source: input.source,
      traceId: input.traceId,
      port: channel.port1,
    });
    const loading = port.request<TraceOverview>(
      { type: 'load', input, bytes: channel.port2 },
      attempt.signal,
      progress,
      [channel.port2],
    );
    loading.catch(() => undefined);
    const first = await Promise.race<LoadedOverview>([
      loading.then((overview) => ({ overview, full: null })),
      fetcher.quickOverview.then((overview) => ({
        overview,
        full: loading,
        rowsShown: fetcher.rowsShown,
      })),
      fetcher.failed,
    ]);
    if (first.full) {
      drawn = true;
      // The engine may still be reading what the fetch worker sent: keep that worker till then.
      first.full.then(cleanUp, cleanUp);
    } else {
      cleanUp();
    }
    return first;
  } catch (error) {
    cleanUp();
    if (!(error instanceof WorkerFailure) || signal?.aborted) throw error;
    attempt.abort();
    const overview = await port.request<TraceOverview>({ type: 'load', input }, signal, onProgress);
    return { overview, full: null };
  }
}

function handleFor(
  port: Port,
  overview: TraceOverview,
  full: Promise<TraceOverview> | null,
  rowsShown: () => void = () => undefined,
): TraceHandle {
  let genAi: Promise<GenAiData | null> | null = null;
  let critical: Promise<CriticalPathData> | null = null;
  let selfTime: Promise<SelfTimeRow[]> | null = null;
  // The engine's overview when it differs from this quick one, null when this one is exact.
  const correction = full?.then((engine) => (sameOverview(overview, engine) ? null : engine));
  correction?.catch(() => undefined);
  // Until the engine has the whole trace, questions wait for it rather than fail. Rows of a
  // quick overview the engine's does not match may stand for other spans: those questions
  // are refused, and the view asks again with the engine's overview (see `complete`).
  const ask = <T>(request: Request): Promise<T> =>
    correction
      ? correction.then((engine) =>
          engine === null ? port.request<T>(request) : Promise.reject(redrawn()),
        )
      : port.request<T>(request);
  const handle: TraceHandle = {
    overview,
    mode: port.mode,
    getSpan: (index) => ask({ type: 'span', index }),
    find: (query) => ask({ type: 'find', query }),
    // Analyses transfer their arrays, so each is asked for once and kept.
    criticalPath: () => (critical ??= ask({ type: 'critical-path' })),
    genAi: () => (genAi ??= ask({ type: 'genai' })),
    selfTime: () => (selfTime ??= ask({ type: 'self-time' })),
    // Callbacks run after `handle` is assigned.
    complete: correction
      ? correction.then((engine) => (engine === null ? handle : handleFor(port, engine, null)))
      : Promise.resolve().then(() => handle),
    rowsShown,
    dispose: () => port.terminate(),
  };
  handle.complete.catch(() => undefined);
  return handle;
}

function redrawn(): DataSourceError {
  return loadError('aborted', 'The trace was redrawn from its full parse; open the span again.');
}

/** Relative backend URLs are resolved against the page, not against the worker's script. */
function resolveInput(input: TraceInput): TraceInput {
  if (!('source' in input) || typeof document === 'undefined') return input;
  const url = new URL(input.source.url, document.baseURI).href;
  return { ...input, source: { ...input.source, url } };
}
