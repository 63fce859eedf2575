import '@/lib/zodJitless';
import { fetchOverPort } from '@/datasources/fetchPort';
import { setPageFetch } from '@/datasources/http';
import { createTraceEngine } from './engine';
import type { PageFetchMessage, WorkerRequest, WorkerResponse } from './protocol';

/** The worker's global scope, typed without pulling the WebWorker lib into the app's types. */
interface WorkerScope {
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest | PageFetchMessage>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const engine = createTraceEngine((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = ({ data }) => {
  if (data.type === 'page-fetch') setPageFetch(fetchOverPort(data.port));
  else void engine.handle(data);
};
