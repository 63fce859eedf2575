import { SPAN_FLAG, type TraceOverview } from '@/datasources/traces/worker';

/**
 * Structure diff of two traces. Every span is placed on its path: the service and operation of
 * each ancestor from its root down to the span itself. Spans on the same path are counted and
 * their durations summed, per trace, and the two sides are lined up path by path.
 */

export interface PathSegment {
  readonly service: string;
  readonly operation: string;
}

export interface PathStats {
  readonly count: number;
  readonly totalUs: number;
  readonly errors: number;
}

export type DiffStatus = 'only-a' | 'only-b' | 'changed' | 'same';

export interface DiffRow {
  /** Unique per path; stable for a given pair of traces. */
  readonly key: string;
  /** Root first, this path's own segment last. */
  readonly path: readonly PathSegment[];
  /** 0 for a root. */
  readonly depth: number;
  /** Position in the merged tree (depth-first, A's order first); the natural reading order. */
  readonly order: number;
  readonly a: PathStats | null;
  readonly b: PathStats | null;
  readonly status: DiffStatus;
}

export interface StructureDiff {
  readonly rows: readonly DiffRow[];
  readonly counts: Readonly<Record<DiffStatus, number>>;
}

/**
 * When an average duration counts as changed: it moved by more than this share of A's average
 * and by more than `minUs` (so jitter on microsecond spans is not reported).
 */
export interface DurationTolerance {
  readonly relative: number;
  readonly minUs: number;
}

export const DEFAULT_TOLERANCE: DurationTolerance = { relative: 0.1, minUs: 100 };

interface PathNode {
  readonly parent: number;
  readonly segment: PathSegment;
  readonly depth: number;
  readonly children: number[];
}

interface Accumulator {
  count: number;
  totalUs: number;
  errors: number;
}

/** Interns paths shared by both traces: equal paths get equal node ids. */
class PathTable {
  readonly nodes: PathNode[] = [];
  readonly roots: number[] = [];
  private readonly ids = new Map<string, number>();

  intern(parent: number, service: string, operation: string): number {
    const lookup = `${parent}\u0000${service}\u0000${operation}`;
    const known = this.ids.get(lookup);
    if (known !== undefined) return known;
    const id = this.nodes.length;
    const depth = parent < 0 ? 0 : (this.nodes[parent] as PathNode).depth + 1;
    this.nodes.push({ parent, segment: { service, operation }, depth, children: [] });
    (parent < 0 ? this.roots : (this.nodes[parent] as PathNode).children).push(id);
    this.ids.set(lookup, id);
    return id;
  }
}

export function structureDiff(
  a: TraceOverview,
  b: TraceOverview,
  tolerance: DurationTolerance = DEFAULT_TOLERANCE,
): StructureDiff {
  const table = new PathTable();
  const statsA = accumulate(a, table);
  const statsB = accumulate(b, table);

  const rows: DiffRow[] = [];
  const counts: Record<DiffStatus, number> = { 'only-a': 0, 'only-b': 0, changed: 0, same: 0 };
  const pathOf = (id: number): PathSegment[] => {
    const segments: PathSegment[] = [];
    for (let n = id; n >= 0; n = (table.nodes[n] as PathNode).parent) {
      segments.push((table.nodes[n] as PathNode).segment);
    }
    return segments.reverse();
  };

  // Depth-first over the merged tree, iteratively: paths can be thousands deep in broken traces.
  const stack = [...table.roots].reverse();
  while (stack.length > 0) {
    const id = stack.pop() as number;
    const node = table.nodes[id] as PathNode;
    const sideA = freeze(statsA.get(id));
    const sideB = freeze(statsB.get(id));
    const status = diffStatus(sideA, sideB, tolerance);
    counts[status]++;
    rows.push({
      key: String(id),
      path: pathOf(id),
      depth: node.depth,
      order: rows.length,
      a: sideA,
      b: sideB,
      status,
    });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as number);
  }
  return { rows, counts };
}

function accumulate(trace: TraceOverview, table: PathTable): Map<number, Accumulator> {
  const stats = new Map<number, Accumulator>();
  const pathIds = new Int32Array(trace.spanCount);
  // Spans are in depth-first order, so a parent's path is known before its children's.
  for (let i = 0; i < trace.spanCount; i++) {
    const p = trace.parent[i] as number;
    const id = table.intern(
      p < 0 ? -1 : (pathIds[p] as number),
      trace.services[trace.service[i] as number] as string,
      trace.operations[trace.operation[i] as number] as string,
    );
    pathIds[i] = id;
    let acc = stats.get(id);
    if (!acc) {
      acc = { count: 0, totalUs: 0, errors: 0 };
      stats.set(id, acc);
    }
    acc.count++;
    acc.totalUs += trace.duration[i] as number;
    if ((trace.flags[i] as number) & SPAN_FLAG.error) acc.errors++;
  }
  return stats;
}

function freeze(acc: Accumulator | undefined): PathStats | null {
  return acc ? { count: acc.count, totalUs: acc.totalUs, errors: acc.errors } : null;
}

export function diffStatus(
  a: PathStats | null,
  b: PathStats | null,
  tolerance: DurationTolerance = DEFAULT_TOLERANCE,
): DiffStatus {
  if (!a) return 'only-b';
  if (!b) return 'only-a';
  if (a.count !== b.count || a.errors !== b.errors) return 'changed';
  const delta = Math.abs(averageUs(b) - averageUs(a));
  return delta > tolerance.minUs && delta > tolerance.relative * averageUs(a) ? 'changed' : 'same';
}

export function averageUs(stats: PathStats): number {
  return stats.count === 0 ? 0 : stats.totalUs / stats.count;
}

/** B minus A, a missing side counting as zero spans and zero time. */
export function countDelta(row: DiffRow): number {
  return (row.b?.count ?? 0) - (row.a?.count ?? 0);
}

export function totalDeltaUs(row: DiffRow): number {
  return (row.b?.totalUs ?? 0) - (row.a?.totalUs ?? 0);
}

/** Change of the average duration; null when the path is on one side only. */
export function averageDeltaUs(row: DiffRow): number | null {
  return row.a && row.b ? averageUs(row.b) - averageUs(row.a) : null;
}

export function formatPath(path: readonly PathSegment[]): string {
  return path.map((s) => `${s.service}: ${s.operation}`).join(' › ');
}
