import type { Span, Trace } from './model';

/** Questions about a finished trace's tree (see tree.ts for how it is built). */

/**
 * Indices of the rows to show, in display order, skipping the descendants of collapsed spans.
 * One pass: a collapsed subtree is skipped by jumping over its contiguous index range.
 */
export function flatten(trace: Trace, collapsed: ReadonlySet<string>): Int32Array {
  const { spans } = trace;
  const { subtreeSize } = trace.tree;
  const n = spans.length;
  const rows = new Int32Array(n);
  let count = 0;
  let i = 0;
  while (i < n) {
    rows[count++] = i;
    const skip = collapsed.size > 0 && collapsed.has((spans[i] as Span).key);
    i += skip ? (subtreeSize[i] as number) : 1;
  }
  return rows.subarray(0, count);
}

/** Indices of the direct children of span `index`, in start order. */
export function childIndices(trace: Trace, index: number): number[] {
  const { subtreeSize } = trace.tree;
  const out: number[] = [];
  const end = index + (subtreeSize[index] as number);
  for (let c = index + 1; c < end; c += subtreeSize[c] as number) out.push(c);
  return out;
}

const keyIndexCache = new WeakMap<Trace, Map<string, number>>();

/** Index of the span with this key; the lookup map is built once per trace. */
export function indexOfKey(trace: Trace, key: string): number {
  let map = keyIndexCache.get(trace);
  if (!map) {
    map = new Map(trace.spans.map((s, i) => [s.key, i]));
    keyIndexCache.set(trace, map);
  }
  return map.get(key) ?? -1;
}

/** Keys of every span that has children: "collapse all". */
export function keysWithChildren(trace: Trace): Set<string> {
  const out = new Set<string>();
  const { subtreeSize } = trace.tree;
  trace.spans.forEach((span, i) => {
    if ((subtreeSize[i] as number) > 1) out.add(span.key);
  });
  return out;
}
