import { z } from 'zod';
import { NO_ATTRS } from '../attributes';
import { isAbsentId, normalizeHexId } from '../ids';
import type { Attr, Span, SpanKind } from '../model';
import { createSpan, NONE } from '../model';
import { toMicros } from '../time';
import type { ParseContext } from './context';
import { describeIssue, isRecord } from './context';

/**
 * Zipkin v2 JSON (`/api/v2/trace/{id}`: an array of spans; a single span object is accepted).
 *
 * A client and a server half of one RPC share a span id in Zipkin; the server half carries
 * `shared: true`. Its `parentSpanId` is set to the shared id itself, which the tree reads as
 * "nest under the client half with this id", so the pair is shown as caller and callee
 * instead of as two duplicates.
 */

const micros = z.union([z.number(), z.string()]);

const endpointSchema = z.looseObject({
  serviceName: z.string().nullish(),
  ipv4: z.string().nullish(),
  ipv6: z.string().nullish(),
  port: z.number().nullish(),
});
type Endpoint = z.infer<typeof endpointSchema>;

const annotationSchema = z.looseObject({ timestamp: micros, value: z.string() });

export const zipkinSpanSchema = z.looseObject({
  traceId: z.string(),
  id: z.string(),
  parentId: z.string().nullish(),
  name: z.string().nullish(),
  kind: z.string().nullish(),
  timestamp: micros.nullish(),
  duration: micros.nullish(),
  localEndpoint: endpointSchema.nullish(),
  remoteEndpoint: endpointSchema.nullish(),
  annotations: z.array(annotationSchema).nullish(),
  tags: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullish(),
  debug: z.boolean().nullish(),
  shared: z.boolean().nullish(),
});
type ZipkinSpan = z.infer<typeof zipkinSpanSchema>;

export function isZipkinSpan(value: unknown): boolean {
  return isRecord(value) && typeof value.traceId === 'string' && typeof value.id === 'string';
}

export function readZipkinSpans(list: readonly unknown[], ctx: ParseContext): void {
  const spans: ZipkinSpan[] = [];
  list.forEach((value, i) => {
    const parsed = zipkinSpanSchema.safeParse(value);
    if (parsed.success) spans.push(parsed.data);
    else ctx.warn(`Skipped span [${i}]: ${describeIssue(parsed.error)}`);
  });
  const clientIds = new Set(spans.filter((s) => !s.shared).map((s) => `${s.traceId}/${s.id}`));
  const earliest = earliestTimestamps(spans);

  for (const raw of spans) {
    const traceId = normalizeHexId(raw.traceId);
    const draft = ctx.trace(traceId);
    const nestsUnderTwin = raw.shared === true && clientIds.has(`${raw.traceId}/${raw.id}`);
    if (raw.timestamp == null) {
      draft.warnings.add(
        'invalid-data',
        'Spans without a timestamp are placed at the start of the trace',
        raw.id,
      );
    }
    const fallbackStartUs = earliest.get(raw.traceId) ?? 0;
    draft.spans.push(convertSpan(raw, traceId, nestsUnderTwin, fallbackStartUs, ctx));
  }
}

function convertSpan(
  raw: ZipkinSpan,
  traceId: string,
  nestsUnderTwin: boolean,
  fallbackStartUs: number,
  ctx: ParseContext,
): Span {
  const spanId = normalizeHexId(raw.id);
  const tags = raw.tags ?? {};
  const error = tags.error;
  const local = raw.localEndpoint ?? {};
  let parentSpanId: string | null = null;
  if (nestsUnderTwin) parentSpanId = spanId;
  else if (!isAbsentId(raw.parentId)) parentSpanId = normalizeHexId(raw.parentId as string);
  return createSpan({
    spanId,
    traceId,
    parentSpanId,
    refType: 'CHILD_OF',
    service: ctx.intern(local.serviceName || 'unknown'),
    operation: ctx.intern(raw.name ?? ''),
    startUs: raw.timestamp == null ? fallbackStartUs : toMicros(raw.timestamp),
    durationUs: raw.duration == null ? 0 : toMicros(raw.duration),
    kind: spanKind(raw.kind),
    status: error === undefined ? 'unset' : 'error',
    statusMessage: typeof error === 'string' && error !== '' ? error : null,
    attributes: [
      ...Object.entries(tags).map(([key, value]) => ({ key: ctx.intern(key), value })),
      ...endpointAttrs(raw.remoteEndpoint, 'peer.', ctx),
    ],
    resource: endpointAttrs(local, '', ctx),
    scope: null,
    events: (raw.annotations ?? []).map((a) => ({
      timeUs: toMicros(a.timestamp),
      name: a.value,
      attributes: NO_ATTRS,
    })),
    links: NONE,
    warnings: NONE,
  });
}

function earliestTimestamps(spans: readonly ZipkinSpan[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const span of spans) {
    if (span.timestamp == null) continue;
    const t = toMicros(span.timestamp);
    const seen = out.get(span.traceId);
    if (seen === undefined || t < seen) out.set(span.traceId, t);
  }
  return out;
}

/** Endpoint fields as attributes: the local one as the resource, the remote one as `peer.*`. */
function endpointAttrs(
  endpoint: Endpoint | null | undefined,
  prefix: string,
  ctx: ParseContext,
): Attr[] {
  if (!endpoint) return [];
  const out: Attr[] = [];
  const add = (key: string, value: string | number | null | undefined) => {
    if (value != null && value !== '') out.push({ key: ctx.intern(prefix + key), value });
  };
  add(prefix === '' ? 'service.name' : 'service', endpoint.serviceName);
  add('ipv4', endpoint.ipv4);
  add('ipv6', endpoint.ipv6);
  add('port', endpoint.port);
  return out;
}

function spanKind(raw: string | null | undefined): SpanKind {
  switch (raw) {
    case 'CLIENT':
      return 'client';
    case 'SERVER':
      return 'server';
    case 'PRODUCER':
      return 'producer';
    case 'CONSUMER':
      return 'consumer';
    default:
      return 'unspecified';
  }
}
