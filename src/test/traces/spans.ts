import { NO_ATTRS } from '@/datasources/traces/attributes';
import type { Attr, RefType, Span, SpanStatus, Trace } from '@/datasources/traces/model';
import { createSpan, NONE } from '@/datasources/traces/model';
import { assembleTrace } from '@/datasources/traces/tree';

export interface SpanSketch {
  id: string;
  parent?: string;
  start: number;
  duration: number;
  service?: string;
  operation?: string;
  refType?: RefType;
  status?: SpanStatus;
  attributes?: Record<string, string | number | boolean>;
}

/** A span for tests, from the few fields a test cares about. */
export function sketchSpan(s: SpanSketch): Span {
  const attributes: Attr[] = Object.entries(s.attributes ?? {}).map(([key, value]) => ({
    key,
    value,
  }));
  return createSpan({
    spanId: s.id,
    traceId: 't1',
    parentSpanId: s.parent ?? null,
    refType: s.refType ?? 'CHILD_OF',
    service: s.service ?? 'svc',
    operation: s.operation ?? s.id,
    startUs: s.start,
    durationUs: s.duration,
    kind: 'internal',
    status: s.status ?? 'unset',
    statusMessage: null,
    attributes: attributes.length > 0 ? attributes : NO_ATTRS,
    resource: NO_ATTRS,
    scope: null,
    events: NONE,
    links: NONE,
    warnings: NONE,
  });
}

export function sketchTrace(spans: readonly SpanSketch[]): Trace {
  return assembleTrace('t1', spans.map(sketchSpan));
}

export function keysOf(
  trace: Trace,
  indices: ArrayLike<number> = trace.spans.map((_, i) => i),
): string[] {
  return Array.from(indices, (i) => trace.spans[i]?.key ?? '?');
}
