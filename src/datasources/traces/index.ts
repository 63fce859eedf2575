/** Trace data layer: one internal model, format adapters, tree analyses, Jaeger/Tempo clients. */
export type {
  Attr,
  AttrValue,
  BytesValue,
  InstrumentationScope,
  Int64Value,
  KvListValue,
  ParseResult,
  RefType,
  Span,
  SpanEvent,
  SpanFlags,
  SpanKind,
  SpanLink,
  SpanStatus,
  Trace,
  TraceFormat,
  TraceTree,
  TraceWarning,
  TraceWarningCode,
} from './model';
export { spanEndUs } from './model';
export { findAttr, formatAttrValue, numericValue } from './attributes';
export { detectAndParse, EXPECTED_SHAPES, parseJaegerResponse, TraceFormatError } from './detect';
export { assembleTrace } from './tree';
export { childIndices, flatten, indexOfKey, keysWithChildren } from './tree-queries';
export type { CriticalSegment } from './critical-path';
export { criticalPath, criticalSpanKeys } from './critical-path';
export type { SelfTimeRow } from './self-time';
export { selfTimes, selfTimeTable } from './self-time';
export type { GenAiRollup, GenAiUsage, ModelUsage } from './genai';
export { genAiRollup, genAiUsage } from './genai';
export type { TraceStats, TraceSummary } from './summary';
export { summarizeTrace, traceStats } from './summary';
export type { TraceSearchParams, TraceSource, TraceSourceConfig, TraceSourceKind } from './client';
export { createTraceSource, DEFAULT_SEARCH_LIMIT } from './client';
export { JaegerSource, jaegerSearchQuery } from './jaeger';
export {
  TempoSource,
  tempoSearchQuery,
  tempoSearchResponseSchema,
  tempoTraceSummary,
} from './tempo';
