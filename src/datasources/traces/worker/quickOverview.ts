import { NO_ATTRS } from '@/datasources/traces/attributes';
import { normalizeHexId } from '@/datasources/traces/ids';
import { NO_FLAGS, NONE } from '@/datasources/traces/model';
import type { Span, SpanEvent } from '@/datasources/traces/model';
import { assembleTrace } from '@/datasources/traces/tree';
import type { BodyScan } from './byteChannel';
import type { ScannedRef, ScannedTrace } from './jaegerScan';
import { JaegerScanner } from './jaegerScan';
import { buildOverview } from './overview';
import type { Transferable } from './overview';

/**
 * What `assembleTrace` and `buildOverview` read of a span, and all a quick look knows. The
 * spans live only while the overview is built; the test against the full parse's overview
 * (jaegerScan.test.ts) fails if either starts reading more.
 */
type LeanSpan = Pick<
  Span,
  | 'key'
  | 'spanId'
  | 'parentSpanId'
  | 'refType'
  | 'service'
  | 'operation'
  | 'startUs'
  | 'durationUs'
  | 'status'
  | 'events'
  | 'flags'
>;

/** Stands for a span's logs: the overview only needs to know that there are some. */
const SOME_EVENTS: readonly SpanEvent[] = Object.freeze([
  { timeUs: 0, name: '', attributes: NO_ATTRS },
]);

/**
 * The waterfall's overview from a quick scan, built with the same tree and packing as the
 * full parse (`assembleTrace`, `buildOverview`), from spans that carry only what those read
 * (about half a full span's fields: 100k of them are made on the way to the first row).
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
    const spanId = normalizeHexId(spanIds[i] as string);
    spans[i] = {
      key: spanId,
      spanId,
      parentSpanId: parentId === null ? null : normalizeHexId(parentId),
      refType: follows ? 'FOLLOWS_FROM' : 'CHILD_OF',
      service,
      operation: scanned.operations[i] as string,
      startUs: scanned.startUs[i] as number,
      durationUs: scanned.durationUs[i] as number,
      status: scanned.errors[i] ? 'error' : 'unset',
      events: scanned.withLogs[i] ? SOME_EVENTS : NONE,
      flags: NO_FLAGS,
    } as LeanSpan as Span;
  }
  const trace = assembleTrace(traceId, spans);
  return buildOverview(trace, { traces: [trace], format: 'jaeger', warnings: [] });
}

/** The quick look at a Jaeger response: scans its bytes, then builds the overview. */
export function jaegerQuickLook(): BodyScan {
  const scanner = new JaegerScanner();
  return {
    push: (bytes) => scanner.push(bytes),
    finish: () => {
      const scanned = scanner.finish();
      if (!scanned) return null;
      try {
        return quickOverview(scanned);
      } catch {
        // The full parse answers on its own; the quick look only saves time.
        return null;
      }
    },
  };
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
