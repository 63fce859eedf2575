import { keysOf, sketchTrace } from '@/test/traces/spans';
import { childIndices, flatten, indexOfKey, keysWithChildren } from './tree-queries';

describe('flatten', () => {
  const trace = sketchTrace([
    { id: 'root', start: 0, duration: 100 },
    { id: 'a', parent: 'root', start: 10, duration: 30 },
    { id: 'a1', parent: 'a', start: 11, duration: 5 },
    { id: 'a2', parent: 'a', start: 20, duration: 5 },
    { id: 'b', parent: 'root', start: 50, duration: 30 },
    { id: 'b1', parent: 'b', start: 51, duration: 5 },
  ]);

  it('lists every span when nothing is collapsed', () => {
    expect(keysOf(trace, flatten(trace, new Set()))).toEqual(['root', 'a', 'a1', 'a2', 'b', 'b1']);
  });

  it('hides the descendants of collapsed spans but keeps the collapsed span', () => {
    expect(keysOf(trace, flatten(trace, new Set(['a'])))).toEqual(['root', 'a', 'b', 'b1']);
    expect(keysOf(trace, flatten(trace, new Set(['a', 'b'])))).toEqual(['root', 'a', 'b']);
    expect(keysOf(trace, flatten(trace, new Set(['root', 'a'])))).toEqual(['root']);
  });

  it('collapses everything with keysWithChildren', () => {
    expect([...keysWithChildren(trace)]).toEqual(['root', 'a', 'b']);
  });

  it('finds children and keys', () => {
    expect(keysOf(trace, childIndices(trace, 0))).toEqual(['a', 'b']);
    expect(indexOfKey(trace, 'b1')).toBe(5);
    expect(indexOfKey(trace, 'missing')).toBe(-1);
  });
});
