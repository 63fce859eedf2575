import type { Span, Trace } from './model';

/**
 * Self time of every span: its duration minus the time covered by at least one direct child
 * (children clipped to the span, overlapping children counted once). All children count,
 * FOLLOWS_FROM ones included, as in Jaeger's trace statistics. O(n): children are already in
 * start order, so merging their intervals is one pass per span.
 */
export function selfTimes(trace: Trace): Float64Array {
  const { spans } = trace;
  const { subtreeSize } = trace.tree;
  const out = new Float64Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as Span;
    const start = span.startUs;
    const end = start + span.durationUs;
    let covered = 0;
    let runStart = 0;
    let runEnd = -Infinity;
    const last = i + (subtreeSize[i] as number);
    for (let c = i + 1; c < last; c += subtreeSize[c] as number) {
      const child = spans[c] as Span;
      const s = Math.max(child.startUs, start);
      const e = Math.min(child.startUs + child.durationUs, end);
      if (e <= s) continue;
      if (s > runEnd) {
        if (runEnd > runStart) covered += runEnd - runStart;
        runStart = s;
        runEnd = e;
      } else if (e > runEnd) {
        runEnd = e;
      }
    }
    if (runEnd > runStart) covered += runEnd - runStart;
    out[i] = Math.max(0, span.durationUs - covered);
  }
  return out;
}

export interface SelfTimeRow {
  readonly service: string;
  readonly operation: string;
  readonly count: number;
  readonly totalUs: number;
  readonly selfTotalUs: number;
  readonly avgUs: number;
  readonly selfAvgUs: number;
  readonly maxUs: number;
  readonly errorCount: number;
}

interface Accumulator {
  count: number;
  totalUs: number;
  selfTotalUs: number;
  maxUs: number;
  errorCount: number;
}

/** Spans grouped by (service, operation), largest self time first. */
export function selfTimeTable(trace: Trace, self: Float64Array = selfTimes(trace)): SelfTimeRow[] {
  const groups = new Map<string, Map<string, Accumulator>>();
  trace.spans.forEach((span, i) => {
    let byOperation = groups.get(span.service);
    if (!byOperation) groups.set(span.service, (byOperation = new Map()));
    let acc = byOperation.get(span.operation);
    if (!acc) {
      acc = { count: 0, totalUs: 0, selfTotalUs: 0, maxUs: 0, errorCount: 0 };
      byOperation.set(span.operation, acc);
    }
    acc.count += 1;
    acc.totalUs += span.durationUs;
    acc.selfTotalUs += self[i] as number;
    if (span.durationUs > acc.maxUs) acc.maxUs = span.durationUs;
    if (span.status === 'error') acc.errorCount += 1;
  });
  const rows: SelfTimeRow[] = [];
  for (const [service, byOperation] of groups) {
    for (const [operation, acc] of byOperation) {
      rows.push({
        service,
        operation,
        ...acc,
        avgUs: acc.totalUs / acc.count,
        selfAvgUs: acc.selfTotalUs / acc.count,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      b.selfTotalUs - a.selfTotalUs ||
      a.service.localeCompare(b.service) ||
      a.operation.localeCompare(b.operation),
  );
}
