import { sendBody } from './byteChannel';
import { openTraceBody } from './fetchTrace';
import type { FetchWorkerRequest } from './protocol';

/**
 * Downloads a trace and forwards its bytes to the parsing worker (see byteChannel.ts): kept
 * small, with no parsing code, so it starts fast.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<FetchWorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let controller: AbortController | null = null;

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'fetch') {
    controller = new AbortController();
    const { signal } = controller;
    void sendBody(() => openTraceBody(request.source, request.traceId, { signal }), request.port);
  } else {
    controller?.abort();
  }
};
