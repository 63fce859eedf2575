import type { TraceLoadErrorInfo } from './errors';
import type {
  Attr,
  InstrumentationScope,
  ModelUsage,
  RefType,
  SpanEvent,
  SpanFlags,
  SpanKind,
  SpanLink,
  SpanStatus,
  TraceFormat,
  TraceWarning,
} from '@/datasources/traces';

/**
 * Messages and data between the page and the trace worker. Everything here survives
 * `structuredClone`; the big per-span columns are typed arrays sent as transferables.
 */

import type { TraceBackend } from '@/datasources/traces/openTrace';

export type { TraceBackend };

/** Where a trace comes from. */
export type TraceInput =
  | { source: TraceBackend; traceId: string }
  | { file: Blob; name?: string; traceId?: string }
  | { text: string; traceId?: string };

export type LoadPhase = 'connecting' | 'downloading' | 'building';

export interface LoadProgress {
  phase: LoadPhase;
  /** Bytes (files, responses) received so far. */
  loadedBytes: number;
  /** From Content-Length or the file size; null when unknown (compressed responses). */
  totalBytes: number | null;
}

/**
 * Bits of `TraceOverview.flags`. GenAI usage is not among them: it comes with the GenAI
 * analysis (`genAi()`), after the first rows, rather than costing every span a scan of its
 * attributes before them.
 */
export const SPAN_FLAG = {
  error: 1,
  orphan: 2,
  duplicateId: 4,
  clockSkew: 8,
  outlivesParent: 16,
  cycle: 32,
  hasEvents: 64,
} as const;

/**
 * Everything the waterfall draws, one column per field, indexed like the spans (depth-first,
 * children by start time, so the subtree of `i` is `[i, i + subtreeSize[i])`).
 */
export interface TraceOverview {
  traceId: string;
  format: TraceFormat;
  spanCount: number;
  /** Unix microseconds. */
  startUs: number;
  durationUs: number;
  /** Start relative to `startUs`, in microseconds. */
  start: Float64Array;
  duration: Float64Array;
  parent: Int32Array;
  depth: Int32Array;
  subtreeSize: Int32Array;
  childCount: Int32Array;
  /** Index into `services` / `operations`. */
  service: Uint16Array;
  operation: Int32Array;
  flags: Uint8Array;
  services: string[];
  operations: string[];
  /** Span keys joined by newlines; key `i` is `keys.slice(keyOffsets[i], keyOffsets[i + 1] - 1)`. */
  keys: string;
  keyOffsets: Int32Array;
  rootIndices: number[];
  errorCount: number;
  maxDepth: number;
  /** Problems found in the trace (orphans, skew…), counted per kind. */
  warnings: TraceWarning[];
  /** Problems with the document itself (skipped entries, backend messages). */
  documentWarnings: string[];
  /** Traces in the document besides this one (a file may hold several). */
  otherTraceIds: string[];
}

/** One span in full, sent when its detail is opened. */
export interface SpanDetail {
  index: number;
  key: string;
  spanId: string;
  traceId: string;
  parentSpanId: string | null;
  refType: RefType;
  service: string;
  operation: string;
  startUs: number;
  durationUs: number;
  kind: SpanKind;
  status: SpanStatus;
  statusMessage: string | null;
  attributes: readonly Attr[];
  resource: readonly Attr[];
  scope: InstrumentationScope | null;
  events: readonly SpanEvent[];
  links: readonly SpanLink[];
  warnings: readonly string[];
  flags: SpanFlags;
  /** Self time: duration minus the time covered by children. */
  selfUs: number;
}

export interface CriticalPathData {
  /** Segments in time order; times relative to the trace start. */
  spanIndex: Int32Array;
  start: Float64Array;
  end: Float64Array;
}

export interface GenAiData {
  /** Per span (own usage): NaN where the span reports none. */
  inputTokens: Float64Array;
  outputTokens: Float64Array;
  costUsd: Float64Array;
  /** Index into `models`, -1 when the span names no model. */
  model: Int32Array;
  models: string[];
  subtreeInputTokens: Float64Array;
  subtreeOutputTokens: Float64Array;
  /** NaN where no span in the subtree reports a cost. */
  subtreeCostUsd: Float64Array;
  totals: { inputTokens: number; outputTokens: number; costUsd: number | null; calls: number };
  byModel: ModelUsage[];
}

export type WorkerRequest =
  /** `bytes`: the response body, sent by the fetch worker (see byteChannel.ts). */
  | { type: 'load'; id: number; input: TraceInput; bytes?: MessagePort }
  | { type: 'cancel'; id: number }
  | { type: 'span'; id: number; index: number }
  | { type: 'find'; id: number; query: string }
  | { type: 'critical-path'; id: number }
  | { type: 'genai'; id: number }
  | { type: 'self-time'; id: number };

/**
 * First message to a worker of a page whose requests the page itself answers (the demo): the
 * worker's requests go through this port (see fetchPort.ts).
 */
export type PageFetchMessage = { type: 'page-fetch'; port: MessagePort };

/**
 * To the fetch worker. `rows-shown`: the page has drawn the rows of the quick overview; the
 * engine's full parse may start (passed on to the engine, see byteChannel.ts).
 */
export type FetchWorkerRequest =
  | { type: 'fetch'; source: TraceBackend; traceId: string; port: MessagePort }
  | { type: 'cancel' }
  | { type: 'rows-shown' };

/**
 * From the fetch worker: the overview from the engine's quick look at a Jaeger response
 * (see jaegerScan.ts and byteChannel.ts), passed on before the engine has parsed it. Sent only
 * when the quick look succeeded.
 */
export interface FetchWorkerMessage {
  type: 'quick-overview';
  overview: TraceOverview;
}

export type WorkerResponse =
  | { type: 'progress'; id: number; progress: LoadProgress }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: TraceLoadErrorInfo };
