import type { Span, Trace } from './model';
import { compareNames } from '@/lib/compareNames';

/** One row of a trace search result. */
export interface TraceSummary {
  readonly traceId: string;
  /** Null when the backend has not seen the root span (yet). */
  readonly rootService: string | null;
  readonly rootOperation: string | null;
  readonly startUs: number;
  readonly durationUs: number;
  /** Null when the backend does not say (Tempo without per-service stats). */
  readonly spanCount: number | null;
  readonly errorCount: number | null;
  /** Spans per service, most spans first. */
  readonly services: ReadonlyArray<{ readonly name: string; readonly count: number }>;
}

export interface TraceStats {
  readonly spanCount: number;
  readonly errorCount: number;
  readonly services: readonly string[];
  /** Deepest nesting level; roots are at depth 0. */
  readonly maxDepth: number;
  readonly durationUs: number;
}

export function traceStats(trace: Trace): TraceStats {
  let errorCount = 0;
  let maxDepth = 0;
  const { depth } = trace.tree;
  for (let i = 0; i < trace.spans.length; i++) {
    if ((trace.spans[i] as Span).status === 'error') errorCount++;
    if ((depth[i] as number) > maxDepth) maxDepth = depth[i] as number;
  }
  return {
    spanCount: trace.spans.length,
    errorCount,
    services: trace.services,
    maxDepth,
    durationUs: trace.durationUs,
  };
}

/**
 * A search-result row from a full trace (Jaeger search returns whole traces). The root is the
 * earliest root that is not an orphan, or the earliest root if all are orphans.
 */
export function summarizeTrace(trace: Trace): TraceSummary {
  const counts = new Map<string, number>();
  let errorCount = 0;
  for (const span of trace.spans) {
    counts.set(span.service, (counts.get(span.service) ?? 0) + 1);
    if (span.status === 'error') errorCount++;
  }
  const roots = trace.rootIndices.map((i) => trace.spans[i] as Span);
  const root = roots.find((s) => !s.flags.orphan) ?? roots[0];
  return {
    traceId: trace.traceId,
    rootService: root?.service ?? null,
    rootOperation: root?.operation ?? null,
    startUs: trace.startUs,
    durationUs: trace.durationUs,
    spanCount: trace.spans.length,
    errorCount,
    services: [...counts]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || compareNames(a.name, b.name)),
  };
}
