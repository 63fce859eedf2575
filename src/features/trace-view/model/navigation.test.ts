import { describe, expect, it } from 'vitest';
import { navigate, type NavContext } from './navigation';
import { visibleRows } from './rows';
import { sampleTree } from '@/test/traces/tree';

const tree = sampleTree();

function context(selected: number, collapsedSpans: number[] = []): NavContext {
  const collapsed = new Uint8Array(tree.spanCount);
  for (const i of collapsedSpans) collapsed[i] = 1;
  return { rows: visibleRows(tree, collapsed), selected, tree, collapsed, pageSize: 3 };
}

describe('navigate', () => {
  it('moves the selection up and down the visible rows, stopping at the ends', () => {
    expect(navigate('ArrowDown', context(0))).toEqual({ type: 'select', span: 1 });
    expect(navigate('ArrowDown', context(1, [1]))).toEqual({ type: 'select', span: 5 });
    expect(navigate('ArrowUp', context(0))).toEqual({ type: 'select', span: 0 });
    expect(navigate('ArrowDown', context(6))).toEqual({ type: 'select', span: 6 });
  });

  it('jumps to the first and last rows and by pages', () => {
    expect(navigate('Home', context(4))).toEqual({ type: 'select', span: 0 });
    expect(navigate('End', context(0))).toEqual({ type: 'select', span: 6 });
    expect(navigate('PageDown', context(0))).toEqual({ type: 'select', span: 3 });
    expect(navigate('PageUp', context(4))).toEqual({ type: 'select', span: 1 });
  });

  it('collapses an open parent on ←, and goes to the parent from a leaf or a closed one', () => {
    expect(navigate('ArrowLeft', context(1))).toEqual({ type: 'collapse', span: 1 });
    expect(navigate('ArrowLeft', context(1, [1]))).toEqual({ type: 'select', span: 0 });
    expect(navigate('ArrowLeft', context(2))).toEqual({ type: 'select', span: 1 });
    expect(navigate('ArrowLeft', context(0, [0]))).toBeNull();
  });

  it('expands a closed parent on →, and goes to the first child of an open one', () => {
    expect(navigate('ArrowRight', context(1, [1]))).toEqual({ type: 'expand', span: 1 });
    expect(navigate('ArrowRight', context(1))).toEqual({ type: 'select', span: 2 });
    expect(navigate('ArrowRight', context(2))).toBeNull();
  });

  it('opens the selected span on Enter and starts at the top without a selection', () => {
    expect(navigate('Enter', context(3))).toEqual({ type: 'open', span: 3 });
    expect(navigate('ArrowDown', context(-1))).toEqual({ type: 'select', span: 0 });
    expect(navigate('End', context(-1))).toEqual({ type: 'select', span: 6 });
    expect(navigate('Enter', context(-1))).toBeNull();
    expect(navigate('x', context(3))).toBeNull();
  });
});
