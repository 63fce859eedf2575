import type { Span, Trace } from './model';

/** A stretch of time during which this span (not one of its children) was on the critical path. */
export interface CriticalSegment {
  readonly spanIndex: number;
  readonly key: string;
  readonly startUs: number;
  readonly endUs: number;
}

/**
 * The critical path of every root's tree, in time order, computed as Jaeger UI does:
 * start at the root's end and walk backwards; at each span descend into the last-finishing
 * child that ends before the cursor, else the span itself holds the path back to its start
 * and the walk returns to its parent.
 *
 * Like Jaeger: FOLLOWS_FROM children (and their subtrees) are left out, and children are
 * clipped to their parent's time range, those entirely outside it are left out.
 * Iterative and O(n log n) (one sort); a per-span cursor makes each child list scanned once.
 */
export function criticalPath(trace: Trace): CriticalSegment[] {
  const { spans } = trace;
  const { parent } = trace.tree;
  const n = spans.length;
  const clipStart = new Float64Array(n);
  const clipEnd = new Float64Array(n);
  const eligible = clipChildren(trace, clipStart, clipEnd);

  // Eligible children of each span, sorted by clipped end time, latest first.
  const byEnd: number[] = [];
  for (let i = 0; i < n; i++) if (eligible[i] && parent[i] !== -1) byEnd.push(i);
  byEnd.sort((a, b) => (clipEnd[b] as number) - (clipEnd[a] as number) || a - b);
  const listStart = new Int32Array(n + 1);
  for (const i of byEnd)
    listStart[(parent[i] as number) + 1] = (listStart[(parent[i] as number) + 1] as number) + 1;
  for (let i = 0; i < n; i++)
    listStart[i + 1] = (listStart[i + 1] as number) + (listStart[i] as number);
  const cursor = listStart.slice(0, n);
  const list = new Int32Array(byEnd.length);
  for (const i of byEnd) list[(cursor[parent[i] as number] as number)++] = i;
  cursor.set(listStart.subarray(0, n));

  const segments: CriticalSegment[] = [];
  const push = (i: number, startUs: number, endUs: number) => {
    if (startUs !== endUs)
      segments.push({ spanIndex: i, key: (spans[i] as Span).key, startUs, endUs });
  };

  for (const root of trace.rootIndices) {
    let node = root;
    let end = clipEnd[root] as number;
    let returning = false;
    for (;;) {
      let child = -1;
      const last = listStart[node + 1] as number;
      while ((cursor[node] as number) < last) {
        const candidate = list[(cursor[node] as number)++] as number;
        if (!returning || (clipEnd[candidate] as number) < end) {
          child = candidate;
          break;
        }
      }
      if (child >= 0) {
        push(node, clipEnd[child] as number, end);
        node = child;
        end = clipEnd[child] as number;
        returning = false;
      } else {
        push(node, clipStart[node] as number, end);
        if (node === root) break;
        end = clipStart[node] as number;
        node = parent[node] as number;
        returning = true;
      }
    }
  }
  return segments.reverse().sort((a, b) => a.startUs - b.startUs);
}

/**
 * Fills the clipped time range of every span and returns which spans take part: roots, and
 * CHILD_OF children of taking-part spans that overlap their parent (Jaeger's sanitising).
 */
function clipChildren(trace: Trace, clipStart: Float64Array, clipEnd: Float64Array): Uint8Array {
  const { spans } = trace;
  const { parent } = trace.tree;
  const eligible = new Uint8Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as Span;
    const start = span.startUs;
    const end = span.startUs + span.durationUs;
    const p = parent[i] as number;
    if (p === -1) {
      eligible[i] = 1;
      clipStart[i] = start;
      clipEnd[i] = end;
      continue;
    }
    if (!eligible[p] || span.refType === 'FOLLOWS_FROM') continue;
    const ps = clipStart[p] as number;
    const pe = clipEnd[p] as number;
    const inside = start >= ps && end <= pe;
    if (!inside && (end <= ps || start >= pe)) continue;
    eligible[i] = 1;
    clipStart[i] = Math.max(start, ps);
    clipEnd[i] = Math.min(end, pe);
  }
  return eligible;
}

/** Keys of the spans that hold at least one critical segment. */
export function criticalSpanKeys(segments: readonly CriticalSegment[]): Set<string> {
  return new Set(segments.map((s) => s.key));
}
