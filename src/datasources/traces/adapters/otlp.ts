import type { z } from 'zod';
import { doubleValue, findAttr, int64Value, NO_ATTRS } from '../attributes';
import { isAbsentId, normalizeOtlpId } from '../ids';
import type {
  Attr,
  AttrValue,
  InstrumentationScope,
  SpanEvent,
  SpanKind,
  SpanLink,
  SpanStatus,
} from '../model';
import { createSpan, NONE } from '../model';
import { nanosToMicros } from '../time';
import type { WarningTally } from '../warnings';
import type { ParseContext, SpanLadder } from './context';
import { describeIssue, keepValidItems, salvageSpan } from './context';
import type { AnyValue, KeyValue, OtlpSpan } from './otlp-schema';
import {
  anyValueSchema,
  eventSchema,
  isWellFormedOtlpSpan,
  keyValueSchema,
  linkSchema,
  otlpSpanSchema,
  otlpSpanSkeletonSchema,
  resourceSpansSchema,
  scopeSchema,
} from './otlp-schema';

/**
 * OTLP/JSON traces and the shapes built on it: Tempo's `batches` and `{trace: …}`, Jaeger API
 * v3's `{result: …}`. Handles both spellings proto3 JSON allows (hex or base64 ids, enum names
 * or numbers, int64 as string or number) and the pre-1.0 `instrumentationLibrarySpans`.
 */

/** Reads a list of `resourceSpans` (or Tempo `batches`) into the context. */
export function readResourceSpans(
  list: readonly unknown[],
  ctx: ParseContext,
  where: string,
): void {
  list.forEach((value, r) => {
    const parsed = resourceSpansSchema.safeParse(value);
    if (!parsed.success) {
      ctx.warn(`Skipped ${where}[${r}]: ${describeIssue(parsed.error)}`);
      return;
    }
    const resource = readAttributes(
      parsed.data.resource?.attributes,
      ctx,
      `${where}[${r}].resource`,
    );
    const serviceName = findAttr(resource, 'service.name');
    const service = ctx.intern(
      typeof serviceName === 'string' && serviceName !== '' ? serviceName : 'unknown_service',
    );
    const groups = [
      ...(parsed.data.scopeSpans ?? []),
      ...(parsed.data.instrumentationLibrarySpans ?? []),
    ];
    groups.forEach((group, g) => {
      const at = `${where}[${r}].scopeSpans[${g}]`;
      const scope = readScope(group.scope ?? group.instrumentationLibrary, ctx, at);
      (group.spans ?? []).forEach((raw, s) => {
        const span = parseSpan(raw, ctx, at, s);
        if (span) addSpan(span, service, resource, scope, ctx);
      });
    });
  });
}

const OTLP_SPAN: SpanLadder<OtlpSpan, z.infer<typeof otlpSpanSkeletonSchema>> = {
  isWellFormed: isWellFormedOtlpSpan,
  full: otlpSpanSchema,
  skeleton: otlpSpanSkeletonSchema,
  repair: (s, dropped) => ({
    ...s,
    attributes: keepValidItems(keyValueSchema, s.attributes, dropped('attributes')),
    events: keepValidItems(eventSchema, s.events, dropped('events')),
    links: keepValidItems(linkSchema, s.links, dropped('links')),
  }),
};

function parseSpan(
  value: unknown,
  ctx: ParseContext,
  group: string,
  index: number,
): OtlpSpan | null {
  return salvageSpan(value, OTLP_SPAN, ctx, group, index);
}

function addSpan(
  raw: OtlpSpan,
  service: string,
  resource: readonly Attr[],
  scope: InstrumentationScope | null,
  ctx: ParseContext,
): void {
  const normalTraceId = normalizeOtlpId(raw.traceId);
  const traceId = normalTraceId ?? raw.traceId;
  const draft = ctx.trace(traceId);
  if (normalTraceId === null) {
    draft.warnings.add(
      'invalid-data',
      'The trace id is neither 32/16 hex characters nor base64 of 16/8 bytes; kept as sent',
    );
  }
  const spanId = id(raw.spanId, draft.warnings);
  const startUs = nanosToMicros(raw.startTimeUnixNano);
  let endUs = raw.endTimeUnixNano == null ? startUs : nanosToMicros(raw.endTimeUnixNano);
  if (endUs < startUs) {
    draft.warnings.add(
      'invalid-data',
      'Spans end before they start; shown with zero duration',
      spanId,
    );
    endUs = startUs;
  }
  draft.spans.push(
    createSpan({
      spanId,
      traceId,
      parentSpanId: isAbsentId(raw.parentSpanId)
        ? null
        : id(raw.parentSpanId as string, draft.warnings),
      refType: 'CHILD_OF',
      service,
      operation: ctx.intern(raw.name ?? ''),
      startUs,
      durationUs: endUs - startUs,
      kind: spanKind(raw.kind),
      status: statusCode(raw.status?.code),
      statusMessage: raw.status?.message || null,
      attributes: convertAttributes(raw.attributes, ctx),
      resource,
      scope,
      events: raw.events && raw.events.length > 0 ? raw.events.map((e) => toEvent(e, ctx)) : NONE,
      links:
        raw.links && raw.links.length > 0
          ? raw.links.map((l) => toLink(l, ctx, draft.warnings))
          : NONE,
      warnings: NONE,
    }),
  );
}

function id(raw: string, warnings: WarningTally): string {
  const normal = normalizeOtlpId(raw);
  if (normal !== null) return normal;
  warnings.add(
    'invalid-data',
    'Span ids that are neither 16 hex characters nor base64 of 8 bytes are kept as sent',
    raw,
  );
  return raw;
}

function toEvent(event: z.infer<typeof eventSchema>, ctx: ParseContext): SpanEvent {
  return {
    timeUs: event.timeUnixNano == null ? 0 : nanosToMicros(event.timeUnixNano),
    name: event.name ?? '',
    attributes: convertAttributes(event.attributes, ctx),
  };
}

function toLink(
  link: z.infer<typeof linkSchema>,
  ctx: ParseContext,
  warnings: WarningTally,
): SpanLink {
  return {
    traceId: normalizeOtlpId(link.traceId) ?? link.traceId,
    spanId: id(link.spanId, warnings),
    refType: null,
    attributes: convertAttributes(link.attributes, ctx),
  };
}

function readScope(
  raw: z.infer<typeof scopeSchema> | null | undefined,
  ctx: ParseContext,
  where: string,
): InstrumentationScope | null {
  if (!raw) return null;
  const attributes = readAttributes(raw.attributes, ctx, `${where}.scope`);
  if (!raw.name && !raw.version && attributes.length === 0) return null;
  return { name: raw.name ?? '', version: raw.version ?? '', attributes };
}

function readAttributes(
  list: readonly unknown[] | null | undefined,
  ctx: ParseContext,
  where: string,
): readonly Attr[] {
  const valid = keepValidItems(keyValueSchema, list, (i, reason) =>
    ctx.warn(`Dropped ${where}.attributes[${i}]: ${reason}`),
  );
  return convertAttributes(valid, ctx);
}

function convertAttributes(
  list: readonly KeyValue[] | null | undefined,
  ctx: ParseContext,
): readonly Attr[] {
  if (!list || list.length === 0) return NO_ATTRS;
  const out = new Array<Attr>(list.length);
  for (let i = 0; i < list.length; i++) {
    const kv = list[i] as KeyValue;
    out[i] = { key: ctx.intern(kv.key), value: kv.value ? anyValue(kv.value, ctx) : null };
  }
  return out;
}

/** OTLP AnyValue to an attribute value; an unreadable nested value becomes null. */
export function anyValue(value: AnyValue, ctx: ParseContext): AttrValue {
  if (value.stringValue != null) return value.stringValue;
  if (value.intValue != null) return int64Value(value.intValue);
  if (value.boolValue != null) return value.boolValue;
  if (value.doubleValue != null) return doubleValue(value.doubleValue);
  if (value.bytesValue != null) return { type: 'bytes', base64: value.bytesValue };
  if (value.arrayValue) {
    return (value.arrayValue.values ?? []).map((item) => {
      const parsed = anyValueSchema.safeParse(item);
      return parsed.success ? anyValue(parsed.data, ctx) : null;
    });
  }
  if (value.kvlistValue) {
    const entries = keepValidItems(keyValueSchema, value.kvlistValue.values, () => undefined);
    return { type: 'kvlist', values: convertAttributes(entries, ctx) };
  }
  return null;
}

const KINDS: readonly SpanKind[] = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
];

function spanKind(raw: string | number | null | undefined): SpanKind {
  if (typeof raw === 'number') return KINDS[raw] ?? 'unspecified';
  if (typeof raw === 'string') {
    const name = raw.replace(/^SPAN_KIND_/, '').toLowerCase();
    return KINDS.find((k) => k === name) ?? 'unspecified';
  }
  return 'unspecified';
}

function statusCode(raw: string | number | null | undefined): SpanStatus {
  if (raw === 1 || raw === 'STATUS_CODE_OK' || raw === 'OK') return 'ok';
  if (raw === 2 || raw === 'STATUS_CODE_ERROR' || raw === 'ERROR') return 'error';
  return 'unset';
}
