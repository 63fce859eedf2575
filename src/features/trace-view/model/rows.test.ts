import { describe, expect, it } from 'vitest';
import {
  collapsedBelowDepth,
  expandAncestors,
  hiddenBy,
  keepWithAncestors,
  rowOfSpan,
  shownChildCount,
  visibleRows,
} from './rows';
import { sampleTree } from '@/test/traces/tree';

const tree = sampleTree();
const mask = (...collapsed: number[]) => {
  const m = new Uint8Array(tree.spanCount);
  for (const i of collapsed) m[i] = 1;
  return m;
};

describe('visibleRows', () => {
  it('shows every span when nothing is collapsed', () => {
    expect([...visibleRows(tree, mask())]).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('hides the descendants of collapsed spans, not the spans themselves', () => {
    expect([...visibleRows(tree, mask(1))]).toEqual([0, 1, 5, 6]);
    expect([...visibleRows(tree, mask(3, 5))]).toEqual([0, 1, 2, 3, 5]);
    expect([...visibleRows(tree, mask(0))]).toEqual([0]);
  });

  it('keeps only filtered spans but still walks into their subtrees', () => {
    const keep = keepWithAncestors(tree, Int32Array.from([4, 6]));
    expect([...visibleRows(tree, mask(), keep)]).toEqual([0, 1, 3, 4, 5, 6]);
    // A collapsed ancestor still hides its kept descendants.
    expect([...visibleRows(tree, mask(3), keep)]).toEqual([0, 1, 3, 5, 6]);
  });

  it('counts only the children a filter keeps, for the rows’ toggles', () => {
    const keep = keepWithAncestors(tree, Int32Array.from([4]));
    expect([0, 1, 3, 4, 5].map((span) => shownChildCount(tree, keep, span, 9))).toEqual([
      1, 1, 1, 0, 0,
    ]);
    expect(shownChildCount(tree, null, 1, 2)).toBe(2);
  });
});

describe('row lookups and collapse helpers', () => {
  it('finds the row of a visible span and -1 for a hidden one', () => {
    const rows = visibleRows(tree, mask(1));
    expect(rowOfSpan(rows, 5)).toBe(2);
    expect(rowOfSpan(rows, 3)).toBe(-1);
  });

  it('collapses everything from a depth down, leaving leaves alone', () => {
    expect([...collapsedBelowDepth(tree, 1)]).toEqual([0, 1, 0, 1, 0, 1, 0]);
    expect([...visibleRows(tree, collapsedBelowDepth(tree, 1))]).toEqual([0, 1, 5]);
    expect([...visibleRows(tree, collapsedBelowDepth(tree, 0))]).toEqual([0]);
  });

  it('expands the ancestors of a span so it gets a row, copying only when needed', () => {
    const collapsed = mask(0, 1, 3);
    const opened = expandAncestors(tree, collapsed, 4);
    expect([...visibleRows(tree, opened)]).toContain(4);
    expect([...collapsed]).toEqual([...mask(0, 1, 3)]);
    const untouched = mask(5);
    expect(expandAncestors(tree, untouched, 4)).toBe(untouched);
  });

  it('names the outermost collapsed ancestor that hides a span', () => {
    expect(hiddenBy(tree, mask(1, 3), 4)).toBe(1);
    expect(hiddenBy(tree, mask(), 4)).toBe(-1);
  });
});
