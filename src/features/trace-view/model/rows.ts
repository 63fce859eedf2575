/**
 * Which spans are rows. Spans are in depth-first order, so the subtree of span `i` is the
 * index range `[i, i + subtreeSize[i])`: hiding a collapsed subtree is a jump, and the visible
 * rows are always in increasing span order (binary-searchable).
 */

export interface TreeColumns {
  readonly spanCount: number;
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  readonly subtreeSize: Int32Array;
}

/**
 * Span indices of the rows to show. `collapsed[i] = 1` hides the descendants of `i`;
 * `keep`, when given, hides every span whose flag is 0 (a filter), while its kept
 * descendants still show.
 */
export function visibleRows(
  tree: TreeColumns,
  collapsed: Uint8Array,
  keep: Uint8Array | null = null,
): Int32Array {
  const { spanCount: n, subtreeSize } = tree;
  const rows = new Int32Array(n);
  let count = 0;
  let i = 0;
  while (i < n) {
    if (keep === null || keep[i] === 1) rows[count++] = i;
    i += collapsed[i] === 1 ? (subtreeSize[i] as number) : 1;
  }
  return count === n ? rows : rows.slice(0, count);
}

/** Row position of a span among the visible rows, or -1 when it is hidden. */
export function rowOfSpan(rows: Int32Array, span: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = rows[mid] as number;
    if (value === span) return mid;
    if (value < span) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Collapse state with every span that has children collapsed at `depth` and below. */
export function collapsedBelowDepth(tree: TreeColumns, depth: number): Uint8Array {
  const out = new Uint8Array(tree.spanCount);
  for (let i = 0; i < tree.spanCount; i++) {
    if ((tree.subtreeSize[i] as number) > 1 && (tree.depth[i] as number) >= depth) out[i] = 1;
  }
  return out;
}

/** A copy of `collapsed` in which every ancestor of `span` is expanded; the same array if none was collapsed. */
export function expandAncestors(
  tree: TreeColumns,
  collapsed: Uint8Array,
  span: number,
): Uint8Array {
  let out = collapsed;
  for (let p = tree.parent[span] ?? -1; p >= 0; p = tree.parent[p] as number) {
    if (out[p] === 1) {
      if (out === collapsed) out = collapsed.slice();
      out[p] = 0;
    }
  }
  return out;
}

/**
 * A filter that keeps the matches and their ancestors, so every match shows in its place in
 * the tree.
 */
export function keepWithAncestors(tree: TreeColumns, matches: Int32Array): Uint8Array {
  const keep = new Uint8Array(tree.spanCount);
  for (const m of matches) {
    for (let i = m; i >= 0 && keep[i] === 0; i = tree.parent[i] as number) keep[i] = 1;
  }
  return keep;
}

/**
 * How many children of `span` have a row under the filter `keep` (all of them without one):
 * what its expand/collapse toggle should count.
 */
export function shownChildCount(
  tree: TreeColumns,
  keep: Uint8Array | null,
  span: number,
  childCount: number,
): number {
  if (!keep) return childCount;
  let shown = 0;
  const end = span + (tree.subtreeSize[span] as number);
  for (let child = span + 1; child < end; child += tree.subtreeSize[child] as number) {
    if (keep[child] === 1) shown++;
  }
  return shown;
}

/** The nearest collapsed ancestor of a span (the row that hides it), or -1. */
export function hiddenBy(tree: TreeColumns, collapsed: Uint8Array, span: number): number {
  let hider = -1;
  for (let p = tree.parent[span] ?? -1; p >= 0; p = tree.parent[p] as number) {
    if (collapsed[p] === 1) hider = p;
  }
  return hider;
}
