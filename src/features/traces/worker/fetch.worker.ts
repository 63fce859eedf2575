import type { BodyScan } from './byteChannel';
import { sendBody } from './byteChannel';
import { openTraceBody } from './fetchTrace';
import { JaegerScanner } from './jaegerScan';
import type { FetchWorkerMessage, FetchWorkerRequest } from './protocol';
import { quickOverview } from './quickOverview';

/**
 * Downloads a trace and forwards its bytes to the parsing worker (see byteChannel.ts). A
 * Jaeger response is also scanned on the way (jaegerScan.ts) and its overview sent straight
 * to the page, so the first rows do not wait for the full parse. Kept free of the data
 * layer's schemas, so it starts fast.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<FetchWorkerRequest>) => void) | null;
  postMessage(message: FetchWorkerMessage, transfer: Transferable[]): void;
}

/**
 * Longest wait for the page to say the quick overview's rows are on screen before the engine
 * parses anyway (a page in a background tab draws nothing).
 */
const ROWS_SHOWN_WAIT_MS = 1000;

const scope = self as unknown as WorkerScope;
let controller: AbortController | null = null;
let rowsShown: (() => void) | null = null;

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'fetch') {
    controller = new AbortController();
    const { signal } = controller;
    const scan = request.source.kind === 'jaeger' ? quickLook(signal) : undefined;
    void sendBody(
      () => openTraceBody(request.source, request.traceId, { signal }),
      request.port,
      scan,
    );
  } else if (request.type === 'rows-shown') {
    rowsShown?.();
  } else {
    controller?.abort();
    rowsShown?.();
  }
};

function quickLook(signal: AbortSignal): BodyScan {
  const scanner = new JaegerScanner();
  return {
    push: (bytes) => scanner.push(bytes),
    finish: () => {
      const scanned = scanner.finish();
      if (!scanned || signal.aborted) return;
      try {
        const { overview, transfer } = quickOverview(scanned);
        scope.postMessage({ type: 'quick-overview', overview }, transfer);
      } catch {
        // The engine's full parse answers on its own; the quick look only saves time.
        return;
      }
      // The engine's parse waits until the page has drawn the rows: on two cores it would
      // otherwise take one from the page's first render.
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ROWS_SHOWN_WAIT_MS);
        function done() {
          clearTimeout(timer);
          rowsShown = null;
          resolve();
        }
        rowsShown = done;
      });
    },
  };
}
