import { serveFetchOnPort } from '@/datasources/fetchPort';
import { getPageFetch } from '@/datasources/http';
import { Port, WorkerFailure } from './port';
import type {
  PageFetchMessage,
  FetchWorkerMessage,
  FetchWorkerRequest,
  TraceOverview,
  WorkerResponse,
} from './protocol';

/** A worker started before it is needed, and the error it hit while nobody listened. */
interface StartedWorker {
  worker: Worker;
  earlyError: string | null;
}

let spareEngine: StartedWorker | null = null;
let spareFetcher: StartedWorker | null = null;

/**
 * Starts the trace workers ahead of need (saves a script fetch and parse on the way to the
 * first row). The next load takes them. Does nothing where Web Workers do not exist.
 */
export function prewarmWorkers(): void {
  // The fetch worker first: on a link to a trace, its start is on the way to the first row.
  spareFetcher ??= startFetchWorker();
  spareEngine ??= startEngineWorker();
}

/**
 * Ends the spare workers, so the next load starts its own. The demo calls it once its in-page
 * backend runs: a worker started before that was not handed the page's fetch (see
 * fetchPort.ts), so its requests would reach the network and the trace be "not found".
 */
export function dropSpareWorkers(): void {
  spareEngine?.worker.terminate();
  spareFetcher?.worker.terminate();
  spareEngine = null;
  spareFetcher = null;
}

function startEngineWorker(): StartedWorker | null {
  return start(() => new Worker(new URL('./trace.worker.ts', import.meta.url), { type: 'module' }));
}

function startFetchWorker(): StartedWorker | null {
  return start(() => new Worker(new URL('./fetch.worker.ts', import.meta.url), { type: 'module' }));
}

function start(create: () => Worker): StartedWorker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const worker = create();
    const pageFetch = getPageFetch();
    if (pageFetch) {
      const channel = new MessageChannel();
      serveFetchOnPort(channel.port1, pageFetch);
      worker.postMessage({ type: 'page-fetch', port: channel.port2 } satisfies PageFetchMessage, [
        channel.port2,
      ]);
    }
    const started: StartedWorker = { worker, earlyError: null };
    worker.onerror = (event) => {
      event.preventDefault();
      started.earlyError = event.message || 'The trace worker stopped';
    };
    return started;
  } catch {
    return null;
  }
}

/** A port to the engine in a Web Worker, or null where workers cannot run. */
export function createWorkerPort(): Port | null {
  const started = spareEngine ?? startEngineWorker();
  spareEngine = null;
  if (!started) return null;
  const { worker } = started;
  const port = new Port(
    'worker',
    (request, transfer) => worker.postMessage(request, transfer),
    () => worker.terminate(),
  );
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => port.receive(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    port.fail(new WorkerFailure(event.message || 'The trace worker stopped'));
  };
  if (started.earlyError !== null) {
    const reason = started.earlyError;
    queueMicrotask(() => port.fail(new WorkerFailure(reason)));
  }
  return port;
}

/** A worker that downloads a body into a port (see byteChannel.ts); null if none can start. */
export interface Fetcher {
  fetch: (request: Extract<FetchWorkerRequest, { type: 'fetch' }>) => void;
  cancel: () => void;
  /** Rejects if the worker fails; never resolves otherwise. */
  failed: Promise<never>;
  /** The overview from the worker's quick look; never settles if it gave up. */
  quickOverview: Promise<TraceOverview>;
  /** The quick overview's rows are drawn: the engine may parse (see byteChannel.ts). */
  rowsShown: () => void;
  stop: () => void;
}

export function takeFetcher(): Fetcher | null {
  const started = spareFetcher ?? startFetchWorker();
  spareFetcher = null;
  if (!started) return null;
  const { worker } = started;
  const failed = new Promise<never>((_resolve, reject) => {
    if (started.earlyError !== null) reject(new WorkerFailure(started.earlyError));
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new WorkerFailure(event.message || 'The fetch worker stopped'));
    };
  });
  failed.catch(() => undefined);
  const quickOverview = new Promise<TraceOverview>((resolve) => {
    worker.onmessage = (event: MessageEvent<FetchWorkerMessage>) => {
      if (event.data.type === 'quick-overview') resolve(event.data.overview);
    };
  });
  return {
    quickOverview,
    fetch: (request) => worker.postMessage(request, [request.port]),
    cancel: () => worker.postMessage({ type: 'cancel' } satisfies FetchWorkerRequest),
    rowsShown: () => worker.postMessage({ type: 'rows-shown' } satisfies FetchWorkerRequest),
    failed,
    stop: () => worker.terminate(),
  };
}

/** The engine on this thread, imported only when needed so the page's bundle stays small. */
export async function createInThreadPort(): Promise<Port> {
  const { createTraceEngine } = await import('./engine');
  let port: Port | null = null;
  // Answers are delivered asynchronously, as a worker's would be.
  const engine = createTraceEngine((message) => queueMicrotask(() => port?.receive(message)));
  port = new Port(
    'in-thread',
    (request) => void engine.handle(request),
    () => undefined,
  );
  return port;
}
