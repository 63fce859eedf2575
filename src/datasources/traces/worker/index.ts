/**
 * Loading and querying traces off the main thread. See README.md in this folder.
 */
export type { LoadOptions, TraceHandle } from './client';
export { loadTraceInWorker, prewarmTraceWorker } from './client';
export { dropSpareWorkers as dropPrewarmedTraceWorkers } from './workers';
export { indexOfKeyIn, keyAt } from './overview';
export type {
  CriticalPathData,
  GenAiData,
  LoadPhase,
  LoadProgress,
  SpanDetail,
  TraceBackend,
  TraceInput,
  TraceOverview,
} from './protocol';
export { SPAN_FLAG } from './protocol';
