/**
 * The one internal trace model every format (Jaeger, Tempo, OTLP/JSON, Jaeger API v3, Zipkin)
 * becomes.
 *
 * Built for traces of 100k+ spans:
 * - one plain object per span, every span created with the same property order (see
 *   `createSpan`) so V8 keeps a single hidden class and property reads stay monomorphic;
 * - service names, operation names and attribute keys are interned by the adapters, so 100k
 *   spans share a handful of string instances;
 * - resource and scope attribute lists are shared by every span of the same process/resource;
 * - the tree is stored as typed arrays beside the spans (`TraceTree`), with the spans in
 *   depth-first order, so a subtree is a contiguous index range and flattening is one pass;
 * - attribute values keep their raw type; nothing is stringified until it is displayed.
 */

export type TraceFormat = 'jaeger' | 'tempo' | 'otlp' | 'jaeger-v3' | 'zipkin';

export type SpanKind = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';

export type SpanStatus = 'unset' | 'ok' | 'error';

/** How a span relates to its parent (OpenTracing reference types; OTLP parents are CHILD_OF). */
export type RefType = 'CHILD_OF' | 'FOLLOWS_FROM';

/** An integer outside JavaScript's safe range, kept as its decimal text so no digit is lost. */
export interface Int64Value {
  readonly type: 'int64';
  readonly text: string;
}

/** Binary data as the source sent it (base64); decoded only if somebody needs the bytes. */
export interface BytesValue {
  readonly type: 'bytes';
  readonly base64: string;
}

/** OTLP `kvlistValue`: a nested map, kept in source order. */
export interface KvListValue {
  readonly type: 'kvlist';
  readonly values: readonly Attr[];
}

export type AttrValue =
  string | number | boolean | null | Int64Value | BytesValue | KvListValue | readonly AttrValue[];

export interface Attr {
  readonly key: string;
  readonly value: AttrValue;
}

/** A timed annotation: an OTLP event, a Jaeger log or a Zipkin annotation. */
export interface SpanEvent {
  readonly timeUs: number;
  readonly name: string;
  readonly attributes: readonly Attr[];
}

/** A reference to another span that is not this span's parent (OTLP link, extra Jaeger ref). */
export interface SpanLink {
  readonly traceId: string;
  readonly spanId: string;
  readonly refType: RefType | null;
  readonly attributes: readonly Attr[];
}

/** OTLP instrumentation scope (formerly instrumentation library). */
export interface InstrumentationScope {
  readonly name: string;
  readonly version: string;
  readonly attributes: readonly Attr[];
}

/** Anomalies found while building the tree. Absent keys mean "no". */
export interface SpanFlags {
  /** The parent span id is not in the trace; the span is shown as an extra root. */
  orphan?: boolean;
  /** Another span in the trace has the same span id. */
  duplicateId?: boolean;
  /** The span starts before its parent starts. Times are shown as recorded, never shifted. */
  clockSkew?: boolean;
  /** A CHILD_OF span that ends after its parent ends. */
  outlivesParent?: boolean;
  /** The span's ancestry looped back onto itself; the loop was cut here. */
  cycle?: boolean;
}

export interface Span {
  /** Unique within the trace: the span id, suffixed for the second and later duplicates. */
  key: string;
  readonly spanId: string;
  readonly traceId: string;
  readonly parentSpanId: string | null;
  readonly refType: RefType;
  readonly service: string;
  readonly operation: string;
  readonly startUs: number;
  readonly durationUs: number;
  readonly kind: SpanKind;
  readonly status: SpanStatus;
  readonly statusMessage: string | null;
  readonly attributes: readonly Attr[];
  /** Process (Jaeger) or resource (OTLP) attributes; one array shared by all spans of a process. */
  readonly resource: readonly Attr[];
  readonly scope: InstrumentationScope | null;
  readonly events: readonly SpanEvent[];
  readonly links: readonly SpanLink[];
  /** Messages the source attached to this span (Jaeger span `warnings`). */
  readonly warnings: readonly string[];
  flags: SpanFlags;
}

export type SpanInit = Omit<Span, 'key' | 'flags'>;

/** The empty list shared by every span without events, links or warnings. */
export const NONE: readonly never[] = Object.freeze([]);

/** Shared by every span without anomalies; replaced, never mutated, when a flag is set. */
export const NO_FLAGS: SpanFlags = Object.freeze({});

/** Creates a span with a fixed property order so all spans share one object shape. */
export function createSpan(init: SpanInit): Span {
  return {
    key: init.spanId,
    spanId: init.spanId,
    traceId: init.traceId,
    parentSpanId: init.parentSpanId,
    refType: init.refType,
    service: init.service,
    operation: init.operation,
    startUs: init.startUs,
    durationUs: init.durationUs,
    kind: init.kind,
    status: init.status,
    statusMessage: init.statusMessage,
    attributes: init.attributes,
    resource: init.resource,
    scope: init.scope,
    events: init.events,
    links: init.links,
    warnings: init.warnings,
    flags: NO_FLAGS,
  };
}

export type TraceWarningCode =
  | 'orphan'
  | 'duplicate-id'
  | 'clock-skew'
  | 'outlives-parent'
  | 'cycle'
  | 'invalid-data'
  | 'source';

/**
 * One kind of problem in a trace. Repeated problems are counted, not listed one by one, so a
 * 100k-span trace with skew everywhere still has a handful of warnings.
 */
export interface TraceWarning {
  readonly code: TraceWarningCode;
  readonly message: string;
  readonly count: number;
  /** The first span this applies to, if it applies to spans. */
  readonly spanKey?: string;
}

/**
 * Tree structure as parallel typed arrays, indexed like `Trace.spans` (depth-first order,
 * siblings by start time). The subtree of span `i` is exactly `spans[i .. i + subtreeSize[i])`.
 */
export interface TraceTree {
  /** Index of the parent span, -1 for a root. */
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  /** Spans in the subtree rooted here, this span included. */
  readonly subtreeSize: Int32Array;
}

export interface Trace {
  readonly traceId: string;
  /** Depth-first order: parents before children, siblings by start time. */
  readonly spans: readonly Span[];
  readonly tree: TraceTree;
  readonly rootIndices: readonly number[];
  /** Distinct services in order of first appearance in `spans`. */
  readonly services: readonly string[];
  readonly startUs: number;
  readonly endUs: number;
  readonly durationUs: number;
  readonly warnings: readonly TraceWarning[];
}

export interface ParseResult {
  readonly traces: Trace[];
  readonly format: TraceFormat;
  /** Problems with the document as a whole (skipped entries, backend error messages). */
  readonly warnings: string[];
}

export function spanEndUs(span: Span): number {
  return span.startUs + span.durationUs;
}
