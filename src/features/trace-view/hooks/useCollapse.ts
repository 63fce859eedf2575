import { useCallback, useMemo, useState } from 'react';
import type { TraceOverview } from '@/datasources/traces/worker';
import {
  collapsedBelowDepth,
  expandAncestors,
  keepWithAncestors,
  visibleRows,
} from '../model/rows';

export interface CollapseState {
  collapsed: Uint8Array;
  /** Span indices of the rows on screen. */
  rows: Int32Array;
  /** With a filter, 1 for the spans it keeps (matches and their ancestors); else null. */
  keep: Uint8Array | null;
  toggle: (span: number) => void;
  setCollapsed: (span: number, collapsed: boolean) => void;
  expandAll: () => void;
  collapseAll: () => void;
  /** Shows levels 0..depth-1 and collapses everything deeper. */
  collapseToDepth: (depth: number) => void;
  /** The depth `collapseToDepth` last applied, while nothing else has changed; else null. */
  levelsShown: number | null;
  /** Expands the ancestors of a span so it has a row. */
  reveal: (span: number) => void;
}

/**
 * Which subtrees are collapsed (one byte per span; a new array on every change so memos see
 * it) and the rows that follow, optionally filtered to `onlyMatches` and their ancestors.
 */
export function useCollapse(
  overview: TraceOverview,
  onlyMatches: Int32Array | null,
): CollapseState {
  const [collapsed, setMask] = useState<Uint8Array>(() => new Uint8Array(overview.spanCount));
  const keep = useMemo(
    () => (onlyMatches ? keepWithAncestors(overview, onlyMatches) : null),
    [overview, onlyMatches],
  );
  const rows = useMemo(() => visibleRows(overview, collapsed, keep), [overview, collapsed, keep]);

  const setCollapsed = useCallback(
    (span: number, value: boolean) =>
      setMask((mask) => {
        if ((mask[span] === 1) === value || (overview.subtreeSize[span] ?? 0) <= 1) return mask;
        const next = mask.slice();
        next[span] = value ? 1 : 0;
        return next;
      }),
    [overview],
  );
  const toggle = useCallback(
    (span: number) =>
      setMask((mask) => {
        if ((overview.subtreeSize[span] ?? 0) <= 1) return mask;
        const next = mask.slice();
        next[span] = mask[span] === 1 ? 0 : 1;
        return next;
      }),
    [overview],
  );
  const expandAll = useCallback(() => setMask(new Uint8Array(overview.spanCount)), [overview]);
  const collapseAll = useCallback(() => setMask(collapsedBelowDepth(overview, 0)), [overview]);
  const [levels, setLevels] = useState<{ depth: number; mask: Uint8Array } | null>(null);
  const collapseToDepth = useCallback(
    (depth: number) => {
      const mask = collapsedBelowDepth(overview, Math.max(0, depth - 1));
      setMask(mask);
      setLevels({ depth, mask });
    },
    [overview],
  );
  // Any other change makes a new mask, and the levels no longer describe what is shown.
  const levelsShown = levels && levels.mask === collapsed ? levels.depth : null;
  const reveal = useCallback(
    (span: number) => setMask((mask) => expandAncestors(overview, mask, span)),
    [overview],
  );

  return {
    collapsed,
    rows,
    keep,
    toggle,
    setCollapsed,
    expandAll,
    collapseAll,
    collapseToDepth,
    levelsShown,
    reveal,
  };
}
