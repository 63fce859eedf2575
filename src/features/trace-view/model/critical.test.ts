import { describe, expect, it } from 'vitest';
import { criticalSegmentsOf, indexCriticalPath } from './critical';

describe('indexCriticalPath', () => {
  it('groups critical segments by span', () => {
    const data = {
      spanIndex: Int32Array.from([0, 2, 0]),
      start: Float64Array.from([0, 10, 40]),
      end: Float64Array.from([10, 40, 50]),
    };
    const index = indexCriticalPath(data, 4);
    expect([...index.onPath]).toEqual([1, 0, 1, 0]);
    expect(criticalSegmentsOf(index, data, 0)).toEqual([
      { start: 0, end: 10 },
      { start: 40, end: 50 },
    ]);
    expect(criticalSegmentsOf(index, data, 2)).toEqual([{ start: 10, end: 40 }]);
    expect(criticalSegmentsOf(index, data, 1)).toEqual([]);
  });
});
