import type { TreeColumns } from './rows';
import { rowOfSpan } from './rows';

export type NavAction =
  | { type: 'select'; span: number }
  | { type: 'collapse'; span: number }
  | { type: 'expand'; span: number }
  | { type: 'open'; span: number };

export interface NavContext {
  rows: Int32Array;
  /** Selected span, or -1. */
  selected: number;
  tree: TreeColumns;
  collapsed: Uint8Array;
  pageSize: number;
}

/**
 * What a key does in the waterfall (tree-view conventions): ↑/↓ move, ← collapses or goes to
 * the parent, → expands or goes to the first child, Home/End and PageUp/PageDown jump, Enter
 * opens the span. Null for keys it does not handle.
 */
export function navigate(key: string, ctx: NavContext): NavAction | null {
  const { rows, selected, tree, collapsed } = ctx;
  if (rows.length === 0) return null;
  const row = selected < 0 ? -1 : rowOfSpan(rows, selected);
  const at = (r: number): NavAction => ({
    type: 'select',
    span: rows[Math.min(rows.length - 1, Math.max(0, r))] as number,
  });
  if (row < 0) {
    if (['ArrowDown', 'ArrowUp', 'Home', 'PageDown', 'PageUp', 'ArrowRight'].includes(key))
      return at(0);
    if (key === 'End') return at(rows.length - 1);
    return null;
  }
  const hasChildren = (tree.subtreeSize[selected] as number) > 1;
  switch (key) {
    case 'ArrowDown':
      return at(row + 1);
    case 'ArrowUp':
      return at(row - 1);
    case 'PageDown':
      return at(row + ctx.pageSize);
    case 'PageUp':
      return at(row - ctx.pageSize);
    case 'Home':
      return at(0);
    case 'End':
      return at(rows.length - 1);
    case 'ArrowLeft': {
      if (hasChildren && collapsed[selected] !== 1) return { type: 'collapse', span: selected };
      const parent = tree.parent[selected] as number;
      return parent >= 0 && rowOfSpan(rows, parent) >= 0 ? { type: 'select', span: parent } : null;
    }
    case 'ArrowRight': {
      if (!hasChildren) return null;
      if (collapsed[selected] === 1) return { type: 'expand', span: selected };
      const next = rows[row + 1];
      return next !== undefined && tree.parent[next] === selected
        ? { type: 'select', span: next }
        : null;
    }
    case 'Enter':
      return { type: 'open', span: selected };
    default:
      return null;
  }
}
