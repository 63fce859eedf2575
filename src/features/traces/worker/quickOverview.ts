import { NO_ATTRS } from '@/datasources/traces/attributes';
import { normalizeHexId } from '@/datasources/traces/ids';
import { createSpan, NONE } from '@/datasources/traces/model';
import type { Span, SpanEvent } from '@/datasources/traces/model';
import { assembleTrace } from '@/datasources/traces/tree';
import type { ScannedRef, ScannedTrace } from './jaegerScan';
import { buildOverview } from './overview';
import type { Transferable } from './overview';

/** Stands for a span's logs: the overview only needs to know that there are some. */
const SOME_EVENTS: readonly SpanEvent[] = Object.freeze([
  { timeUs: 0, name: '', attributes: NO_ATTRS },
]);

/**
 * The waterfall's overview from a quick scan, built with the same tree and packing as the
 * full parse (`assembleTrace`, `buildOverview`), from spans that carry only what they need.
 */
export function quickOverview(scanned: ScannedTrace): Transferable {
  const traceId = normalizeHexId(scanned.traceId);
  const { spanIds, parentIds, followsFrom, refs, processIds, services } = scanned;
  const n = spanIds.length;
  const spans = new Array<Span>(n);
  let lastProcess: string | null = null;
  let service = 'unknown';
  for (let i = 0; i < n; i++) {
    let parentId = parentIds[i] ?? null;
    let follows = followsFrom[i] === true;
    const several = refs.size > 0 ? refs.get(i) : undefined;
    if (several) {
      const parent = chooseParent(several, traceId);
      parentId = parent?.spanId ?? null;
      follows = parent?.refType === 'FOLLOWS_FROM';
    }
    // Neighbours mostly share a process: skip the lookup.
    const processId = processIds[i] as string;
    if (processId !== lastProcess) {
      lastProcess = processId;
      service = services.get(processId) ?? 'unknown';
    }
    spans[i] = createSpan({
      spanId: normalizeHexId(spanIds[i] as string),
      traceId,
      parentSpanId: parentId === null ? null : normalizeHexId(parentId),
      refType: follows ? 'FOLLOWS_FROM' : 'CHILD_OF',
      service,
      operation: scanned.operations[i] as string,
      startUs: scanned.startUs[i] as number,
      durationUs: scanned.durationUs[i] as number,
      kind: 'unspecified',
      status: scanned.errors[i] ? 'error' : 'unset',
      statusMessage: null,
      attributes: NO_ATTRS,
      resource: NO_ATTRS,
      scope: null,
      events: scanned.withLogs[i] ? SOME_EVENTS : NONE,
      links: NONE,
      warnings: NONE,
    });
  }
  const trace = assembleTrace(traceId, spans);
  return buildOverview(trace, { traces: [trace], format: 'jaeger', warnings: [] });
}

/**
 * The parent among several references, chosen as the Jaeger adapter chooses it: the first
 * CHILD_OF in this trace, else the first FOLLOWS_FROM in this trace, else the first of all.
 */
function chooseParent(refs: readonly ScannedRef[], traceId: string): ScannedRef | undefined {
  const sameTrace = (r: { traceId: string | null }) =>
    !r.traceId || normalizeHexId(r.traceId) === traceId;
  return (
    refs.find((r) => r.refType !== 'FOLLOWS_FROM' && sameTrace(r)) ??
    refs.find((r) => r.refType === 'FOLLOWS_FROM' && sameTrace(r)) ??
    refs[0]
  );
}
