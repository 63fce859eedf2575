import '@/lib/zodJitless';
import { createTraceEngine } from './engine';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** The worker's global scope, typed without pulling the WebWorker lib into the app's types. */
interface WorkerScope {
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const engine = createTraceEngine((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (event) => void engine.handle(event.data);
