import type { z } from 'zod';
import { doubleValue, int64Value, NO_ATTRS } from '../attributes';
import { normalizeHexId } from '../ids';
import type {
  Attr,
  AttrValue,
  RefType,
  Span,
  SpanEvent,
  SpanKind,
  SpanLink,
  SpanStatus,
} from '../model';
import { createSpan, NONE } from '../model';
import { toMicros } from '../time';
import type { ParseContext, SpanLadder } from './context';
import { describeIssue, isRecord, keepValidItems, salvageSpan } from './context';
import type { JaegerRef, JaegerSpan, JaegerTag } from './jaeger-schema';
import {
  isWellFormedJaegerSpan,
  jaegerEnvelopeSchema,
  jaegerLogSchema,
  jaegerProcessSchema,
  jaegerRefSchema,
  jaegerSpanSchema,
  jaegerSpanSkeletonSchema,
  jaegerTagSchema,
  jaegerTraceSchema,
} from './jaeger-schema';

/**
 * Jaeger query API v1 JSON (`/api/traces`, `/api/traces/{id}`, Jaeger UI's JSON download).
 * Structure is checked with zod and kept loose: unknown fields pass, a bad tag or log drops
 * that item with a warning, and only a span without an id or times is skipped.
 */

export function isJaegerTrace(doc: unknown): boolean {
  return isRecord(doc) && typeof doc.traceID === 'string' && Array.isArray(doc.spans);
}

const ENVELOPE_KEYS = new Set(['data', 'total', 'limit', 'offset', 'errors']);

/**
 * `{data: [trace…]}`, or an empty/null `data` with nothing beside it but Jaeger's envelope
 * fields: Jaeger's answer when it has no trace, and what "no traces" looks like in a file.
 */
export function isJaegerEnvelope(doc: unknown): boolean {
  if (!isRecord(doc)) return false;
  const { data } = doc;
  if (Array.isArray(data) && data.length > 0) return isJaegerTrace(data[0]);
  const empty = data === null || (Array.isArray(data) && data.length === 0);
  return empty && Object.keys(doc).every((key) => ENVELOPE_KEYS.has(key));
}

export function readJaegerEnvelope(doc: unknown, ctx: ParseContext): void {
  const envelope = jaegerEnvelopeSchema.safeParse(doc);
  if (!envelope.success) {
    ctx.warn(`Jaeger response not readable: ${describeIssue(envelope.error)}`);
    return;
  }
  for (const error of envelope.data.errors ?? []) {
    ctx.warn(
      `Jaeger reported an error${error.traceID ? ` for trace ${error.traceID}` : ''}: ${error.msg ?? `code ${error.code ?? '?'}`}`,
    );
  }
  (envelope.data.data ?? []).forEach((trace, i) => readJaegerTrace(trace, ctx, `data[${i}]`));
}

interface Process {
  service: string;
  resource: readonly Attr[];
}

export function readJaegerTrace(doc: unknown, ctx: ParseContext, where = 'trace'): void {
  const parsed = jaegerTraceSchema.safeParse(doc);
  if (!parsed.success) {
    ctx.warn(`Skipped ${where}: ${describeIssue(parsed.error)}`);
    return;
  }
  const raw = parsed.data;
  const traceId = normalizeHexId(raw.traceID);
  const draft = ctx.trace(traceId);
  for (const message of raw.warnings ?? []) draft.warnings.add('source', message);

  const processes = new Map<string, Process>();
  for (const [id, value] of Object.entries(raw.processes ?? {})) {
    const process = jaegerProcessSchema.safeParse(value);
    if (process.success) processes.set(id, readProcess(process.data, ctx));
    else ctx.warn(`Jaeger process ${id} not readable: ${describeIssue(process.error)}`);
  }
  const unknownProcess: Process = { service: 'unknown', resource: NO_ATTRS };

  raw.spans.forEach((value, i) => {
    const span = parseSpan(value, ctx, where, i);
    if (!span) return;
    const embedded = span.process ? readProcess(span.process, ctx) : undefined;
    const process = embedded ?? processes.get(span.processID ?? '');
    if (!process)
      draft.warnings.add(
        'invalid-data',
        'Spans refer to a process that is not in the trace',
        span.spanID,
      );
    draft.spans.push(convertSpan(span, traceId, process ?? unknownProcess, ctx));
  });
}

const JAEGER_SPAN: SpanLadder<JaegerSpan, z.infer<typeof jaegerSpanSkeletonSchema>> = {
  isWellFormed: isWellFormedJaegerSpan,
  full: jaegerSpanSchema,
  skeleton: jaegerSpanSkeletonSchema,
  repair: (s, dropped) => ({
    ...s,
    references: keepValidItems(jaegerRefSchema, s.references, dropped('references')),
    tags: keepValidItems(jaegerTagSchema, s.tags, dropped('tags')),
    logs: keepValidItems(jaegerLogSchema, s.logs, dropped('logs')),
  }),
};

function parseSpan(
  value: unknown,
  ctx: ParseContext,
  trace: string,
  index: number,
): JaegerSpan | null {
  return salvageSpan(value, JAEGER_SPAN, ctx, trace, index);
}

function readProcess(process: z.infer<typeof jaegerProcessSchema>, ctx: ParseContext): Process {
  const tags = keepValidItems(jaegerTagSchema, process.tags, (i, reason) =>
    ctx.warn(`Dropped process tag ${i}: ${reason}`),
  );
  return {
    service: ctx.intern(process.serviceName || 'unknown'),
    resource: tags.length === 0 ? NO_ATTRS : tags.map((t) => toAttr(t, ctx)),
  };
}

function convertSpan(raw: JaegerSpan, traceId: string, process: Process, ctx: ParseContext): Span {
  const attributes = convertTags(raw.tags, ctx);
  const { parent, links } = splitReferences(raw.references, traceId);
  // Jaeger marks errors with an `error` tag; spans that came from OTLP carry `otel.status_*`.
  let kind: SpanKind = 'unspecified';
  let status: SpanStatus = 'unset';
  let statusMessage: string | null = null;
  for (const { key, value } of attributes) {
    if (key === 'span.kind') kind = spanKindOf(value);
    else if (key === 'error' && (value === true || value === 'true')) status = 'error';
    else if (key === 'otel.status_code' && value === 'ERROR') status = 'error';
    else if (key === 'otel.status_code' && value === 'OK' && status !== 'error') status = 'ok';
    else if (key === 'otel.status_description' && typeof value === 'string') statusMessage = value;
  }
  return createSpan({
    spanId: normalizeHexId(raw.spanID),
    traceId,
    parentSpanId: parent ? normalizeHexId(parent.spanID) : null,
    refType: parent?.refType === 'FOLLOWS_FROM' ? 'FOLLOWS_FROM' : 'CHILD_OF',
    service: process.service,
    operation: ctx.intern(raw.operationName ?? ''),
    startUs: toMicros(raw.startTime),
    durationUs: toMicros(raw.duration),
    kind,
    status,
    statusMessage,
    attributes,
    resource: process.resource,
    scope: null,
    events: raw.logs && raw.logs.length > 0 ? raw.logs.map((log) => toEvent(log, ctx)) : NONE,
    links,
    warnings: raw.warnings && raw.warnings.length > 0 ? raw.warnings : NONE,
  });
}

/**
 * Tags whose value already has its final type (most of them) are used as attributes
 * themselves, sharing the parsed document's objects, and when all are, the tag array is the
 * attribute array. On 100k spans this removes most of the allocations (and garbage
 * collection) of a parse. The input document must therefore not be mutated afterwards.
 */
function convertTags(
  tags: readonly JaegerTag[] | null | undefined,
  ctx: ParseContext,
): readonly Attr[] {
  if (!tags || tags.length === 0) return NO_ATTRS;
  let out: Attr[] | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as JaegerTag;
    if (isFinalValue(tag.type, tag.value)) {
      if (out) out.push(tag as Attr);
      continue;
    }
    out ??= tags.slice(0, i) as Attr[];
    out.push({ key: ctx.intern(tag.key), value: tagValue(tag.type, tag.value) });
  }
  return out ?? (tags as readonly Attr[]);
}

function isFinalValue(type: string | null | undefined, value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return type === 'string' || type == null;
    case 'number':
      return type === 'int64' || type === 'float64' || type == null;
    case 'boolean':
      return type === 'bool' || type == null;
    default:
      return false;
  }
}

const NO_LINKS = { parent: undefined, links: NONE } as const;

/**
 * Picks the parent among the references: the first CHILD_OF in this trace, else the first
 * FOLLOWS_FROM in this trace, else the first reference at all (it will show as an orphan).
 * Jaeger's own model does the same; the rest become links so no reference is lost.
 */
function splitReferences(
  refs: readonly JaegerRef[] | null | undefined,
  traceId: string,
): { parent: JaegerRef | undefined; links: readonly SpanLink[] } {
  if (!refs || refs.length === 0) return NO_LINKS;
  if (refs.length === 1) return { parent: refs[0], links: NONE };
  const sameTrace = (r: JaegerRef) => !r.traceID || normalizeHexId(r.traceID) === traceId;
  const parent =
    refs.find((r) => r.refType !== 'FOLLOWS_FROM' && sameTrace(r)) ??
    refs.find((r) => r.refType === 'FOLLOWS_FROM' && sameTrace(r)) ??
    refs[0];
  const links = refs
    .filter((r) => r !== parent)
    .map((r) => ({
      traceId: r.traceID ? normalizeHexId(r.traceID) : traceId,
      spanId: normalizeHexId(r.spanID),
      refType: refTypeOf(r.refType),
      attributes: NO_ATTRS,
    }));
  return { parent, links };
}

function refTypeOf(raw: string | null | undefined): RefType | null {
  if (raw === 'CHILD_OF' || raw === 'FOLLOWS_FROM') return raw;
  return null;
}

function toEvent(log: z.infer<typeof jaegerLogSchema>, ctx: ParseContext): SpanEvent {
  const attributes = (log.fields ?? []).map((f) => toAttr(f, ctx));
  let name = '';
  for (const attr of attributes) {
    if (attr.key === 'event' && typeof attr.value === 'string') {
      name = attr.value;
      break;
    }
  }
  return { timeUs: toMicros(log.timestamp), name, attributes };
}

function toAttr(tag: JaegerTag, ctx: ParseContext): Attr {
  return isFinalValue(tag.type, tag.value)
    ? (tag as Attr)
    : { key: ctx.intern(tag.key), value: tagValue(tag.type, tag.value) };
}

/** Jaeger tag values by their declared type; values that do not match it are kept as sent. */
export function tagValue(type: string | null | undefined, value: unknown): AttrValue {
  switch (type) {
    case 'bool':
      if (value === 'true') return true;
      if (value === 'false') return false;
      break;
    case 'int64':
      if (typeof value === 'number' || typeof value === 'string') return int64Value(value);
      break;
    case 'float64':
      if (typeof value === 'number' || typeof value === 'string') return doubleValue(value);
      break;
    case 'binary':
      if (typeof value === 'string') return { type: 'bytes', base64: value };
      break;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value === null || value === undefined) return null;
  return JSON.stringify(value);
}

const SPAN_KINDS: Record<string, SpanKind> = {
  server: 'server',
  client: 'client',
  producer: 'producer',
  consumer: 'consumer',
  internal: 'internal',
};

function spanKindOf(value: AttrValue): SpanKind {
  if (typeof value !== 'string') return 'unspecified';
  // Exact match first: lowercasing allocates, and almost every span has this tag.
  return SPAN_KINDS[value] ?? SPAN_KINDS[value.toLowerCase()] ?? 'unspecified';
}
