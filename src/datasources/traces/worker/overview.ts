import type { ParseResult, Span, Trace } from '@/datasources/traces';
import { SPAN_FLAG } from './protocol';
import type { TraceOverview } from './protocol';

export interface Transferable {
  overview: TraceOverview;
  /** Buffers to hand over instead of copying. */
  transfer: ArrayBuffer[];
}

/** Packs what the waterfall needs from a trace into typed arrays and string tables. */
export function buildOverview(trace: Trace, result: ParseResult): Transferable {
  const { spans, tree } = trace;
  const n = spans.length;
  const start = new Float64Array(n);
  const duration = new Float64Array(n);
  const childCount = new Int32Array(n);
  const service = new Uint16Array(n);
  const operation = new Int32Array(n);
  const flags = new Uint8Array(n);
  const keyOffsets = new Int32Array(n + 1);
  const serviceIndex = new Map(trace.services.map((name, i) => [name, i]));
  const operationIndex = new Map<string, number>();
  const operations: string[] = [];
  const keys: string[] = new Array<string>(n);
  let keyLength = 0;
  let errorCount = 0;
  let maxDepth = 0;
  let lastService: string | null = null;
  let lastServiceIndex = 0;
  let lastOperation: string | null = null;
  let lastOperationIndex = 0;

  for (let i = 0; i < n; i++) {
    const span = spans[i] as Span;
    start[i] = span.startUs - trace.startUs;
    duration[i] = span.durationUs;
    const p = tree.parent[i] as number;
    if (p >= 0) childCount[p] = (childCount[p] as number) + 1;
    // Neighbours in depth-first order mostly share service and operation: skip the lookups.
    if (span.service !== lastService) {
      lastService = span.service;
      lastServiceIndex = serviceIndex.get(span.service) ?? 0;
    }
    service[i] = lastServiceIndex;
    if (span.operation !== lastOperation) {
      lastOperation = span.operation;
      let op = operationIndex.get(span.operation);
      if (op === undefined) {
        op = operations.length;
        operations.push(span.operation);
        operationIndex.set(span.operation, op);
      }
      lastOperationIndex = op;
    }
    operation[i] = lastOperationIndex;
    flags[i] = spanFlags(span);
    if (span.status === 'error') errorCount++;
    if ((tree.depth[i] as number) > maxDepth) maxDepth = tree.depth[i] as number;
    keys[i] = span.key;
    keyOffsets[i] = keyLength;
    keyLength += span.key.length + 1;
  }
  keyOffsets[n] = keyLength;

  // The trace's own arrays are copied: they stay in use here for find and the analyses.
  const parent = tree.parent.slice();
  const depth = tree.depth.slice();
  const subtreeSize = tree.subtreeSize.slice();
  const overview: TraceOverview = {
    traceId: trace.traceId,
    format: result.format,
    spanCount: n,
    startUs: trace.startUs,
    durationUs: trace.durationUs,
    start,
    duration,
    parent,
    depth,
    subtreeSize,
    childCount,
    service,
    operation,
    flags,
    services: [...trace.services],
    operations,
    keys: n === 0 ? '' : `${keys.join('\n')}\n`,
    keyOffsets,
    rootIndices: [...trace.rootIndices],
    errorCount,
    maxDepth,
    warnings: [...trace.warnings],
    documentWarnings: [...result.warnings],
    otherTraceIds: result.traces.filter((t) => t !== trace).map((t) => t.traceId),
  };
  const transfer = [
    start,
    duration,
    parent,
    depth,
    subtreeSize,
    childCount,
    service,
    operation,
    flags,
    keyOffsets,
  ].map((array) => array.buffer as ArrayBuffer);
  return { overview, transfer };
}

export function spanFlags(span: Span): number {
  let bits = 0;
  if (span.status === 'error') bits |= SPAN_FLAG.error;
  const f = span.flags;
  if (f.orphan) bits |= SPAN_FLAG.orphan;
  if (f.duplicateId) bits |= SPAN_FLAG.duplicateId;
  if (f.clockSkew) bits |= SPAN_FLAG.clockSkew;
  if (f.outlivesParent) bits |= SPAN_FLAG.outlivesParent;
  if (f.cycle) bits |= SPAN_FLAG.cycle;
  if (span.events.length > 0) bits |= SPAN_FLAG.hasEvents;
  return bits;
}

/** Key of span `i` in an overview. */
export function keyAt(overview: Pick<TraceOverview, 'keys' | 'keyOffsets'>, i: number): string {
  const from = overview.keyOffsets[i];
  const to = overview.keyOffsets[i + 1];
  if (from === undefined || to === undefined) return '';
  return overview.keys.slice(from, to - 1);
}

/** Index of the span with this key, or -1. One `indexOf` over the joined keys. */
export function indexOfKeyIn(
  overview: Pick<TraceOverview, 'keys' | 'keyOffsets' | 'spanCount'>,
  key: string,
): number {
  if (key === '' || key.includes('\n')) return -1;
  const { keys, keyOffsets } = overview;
  const first = keys.startsWith(`${key}\n`);
  const at = first ? 0 : keys.indexOf(`\n${key}\n`) + 1;
  if (!first && at === 0) return -1;
  // Offsets are increasing: binary search for the span that starts at `at`.
  let lo = 0;
  let hi = overview.spanCount - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = keyOffsets[mid] as number;
    if (value === at) return mid;
    if (value < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * True when two overviews draw the same waterfall: same spans, order, tree, times, names,
 * flags and warnings. Used to check a quick overview against the full parse's.
 */
export function sameOverview(a: TraceOverview, b: TraceOverview): boolean {
  return (
    a.traceId === b.traceId &&
    a.format === b.format &&
    a.spanCount === b.spanCount &&
    Object.is(a.startUs, b.startUs) &&
    Object.is(a.durationUs, b.durationUs) &&
    a.errorCount === b.errorCount &&
    a.maxDepth === b.maxDepth &&
    a.keys === b.keys &&
    sameArray(a.start, b.start) &&
    sameArray(a.duration, b.duration) &&
    sameArray(a.parent, b.parent) &&
    sameArray(a.depth, b.depth) &&
    sameArray(a.subtreeSize, b.subtreeSize) &&
    sameArray(a.childCount, b.childCount) &&
    sameArray(a.service, b.service) &&
    sameArray(a.operation, b.operation) &&
    sameArray(a.flags, b.flags) &&
    sameArray(a.keyOffsets, b.keyOffsets) &&
    sameArray(a.services, b.services) &&
    sameArray(a.operations, b.operations) &&
    sameArray(a.rootIndices, b.rootIndices) &&
    sameArray(a.documentWarnings, b.documentWarnings) &&
    sameArray(a.otherTraceIds, b.otherTraceIds) &&
    JSON.stringify(a.warnings) === JSON.stringify(b.warnings)
  );
}

function sameArray<T>(a: ArrayLike<T>, b: ArrayLike<T>): boolean {
  if (a.length !== b.length) return false;
  // Object.is: NaN equals NaN (a missing time stays missing in both).
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
