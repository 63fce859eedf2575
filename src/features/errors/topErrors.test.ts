import type { FrameSeries } from '@/query/prometheus/frames';
import { topErrorRows, UNLABELLED } from './topErrors';

const series = (labels: Record<string, string>, value: number): FrameSeries => ({
  id: JSON.stringify(labels),
  name: '',
  labels,
  points: [[0, value]],
});

describe('topErrorRows', () => {
  it('lists agent, error type and count, most frequent first', () => {
    const rows = topErrorRows([
      series({ agent: 'coder', error_type: 'timeout' }, 3),
      series({ agent: 'planner', error_type: 'rate_limit' }, 12.5),
    ]);
    expect(rows.map(({ agent, errorType, count }) => [agent, errorType, count])).toEqual([
      ['planner', 'rate_limit', 12.5],
      ['coder', 'timeout', 3],
    ]);
  });

  it('names missing labels instead of leaving the cell blank', () => {
    expect(topErrorRows([series({ error_type: 'timeout' }, 1)])[0]?.agent).toBe(UNLABELLED);
  });

  it('drops series without a usable count', () => {
    const empty: FrameSeries = { id: 'x', name: '', labels: { agent: 'a' }, points: [] };
    expect(topErrorRows([empty, series({ agent: 'b' }, Number.NaN)])).toEqual([]);
  });
});
