import type { ByteMessage, QuickOverviewMessage } from './byteChannel';
import { sendBody } from './byteChannel';
import { fetchOverPort } from '@/datasources/fetchPort';
import { setPageFetch } from '@/datasources/http';
import { openTrace } from '@/datasources/traces/openTrace';
import type { FetchWorkerMessage, FetchWorkerRequest, PageFetchMessage } from './protocol';

/**
 * Downloads a trace and forwards its bytes to the parsing worker (see byteChannel.ts). A
 * Jaeger response goes as raw bytes for the parsing worker's quick look, whose overview comes
 * back here and goes straight on to the page, so the first rows do not wait for the full
 * parse. Kept free of the data layer's schemas and parsers, so it starts fast.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<FetchWorkerRequest | PageFetchMessage>) => void) | null;
  postMessage(message: FetchWorkerMessage, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let controller: AbortController | null = null;
let bodyPort: MessagePort | null = null;

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'page-fetch') {
    setPageFetch(fetchOverPort(request.port));
  } else if (request.type === 'fetch') {
    controller = new AbortController();
    const { signal } = controller;
    bodyPort = request.port;
    const quick =
      request.source.kind === 'jaeger'
        ? {
            onQuickOverview: ({ overview, buffers }: QuickOverviewMessage) => {
              if (!signal.aborted) scope.postMessage({ type: 'quick-overview', overview }, buffers);
            },
          }
        : undefined;
    void sendBody(
      () => openTrace(request.source, request.traceId, { signal }),
      request.port,
      quick,
    );
  } else if (request.type === 'rows-shown') {
    bodyPort?.postMessage({ kind: 'rows-shown' } satisfies ByteMessage);
  } else {
    controller?.abort();
  }
};
