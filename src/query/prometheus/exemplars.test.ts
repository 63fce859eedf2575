import { describe, expect, it } from 'vitest';
import { MAX_EXEMPLAR_MARKS, toExemplarMarks } from './exemplars';

const exemplar = (timestamp: number, value: number, labels: Record<string, string>) => ({
  timestamp,
  value,
  labels,
});

describe('toExemplarMarks', () => {
  it('flattens every series into marks in time order, with the trace id whatever its label', () => {
    const marks = toExemplarMarks([
      {
        seriesLabels: { le: '1' },
        exemplars: [exemplar(3_000, 0.8, { trace_id: 'aaa', span_id: 's1' })],
      },
      {
        seriesLabels: { le: '5' },
        exemplars: [
          exemplar(1_000, 2.5, { traceID: 'bbb' }),
          exemplar(2_000, 4.1, { request: 'no trace here' }),
        ],
      },
    ]);
    expect(marks).toEqual([
      { t: 1_000, value: 2.5, traceId: 'bbb', labels: { traceID: 'bbb' } },
      { t: 2_000, value: 4.1, traceId: null, labels: { request: 'no trace here' } },
      { t: 3_000, value: 0.8, traceId: 'aaa', labels: { trace_id: 'aaa', span_id: 's1' } },
    ]);
  });

  it('skips values that cannot be drawn and keeps only the latest marks', () => {
    const many = Array.from({ length: MAX_EXEMPLAR_MARKS + 50 }, (_, i) =>
      exemplar(i, 1, { trace_id: `t${i}` }),
    );
    const marks = toExemplarMarks([
      { seriesLabels: {}, exemplars: [...many, exemplar(10_000, Number.POSITIVE_INFINITY, {})] },
    ]);
    expect(marks).toHaveLength(MAX_EXEMPLAR_MARKS);
    expect(marks[0]?.traceId).toBe('t50');
    expect(marks.at(-1)?.traceId).toBe(`t${MAX_EXEMPLAR_MARKS + 49}`);
  });

  it('gives no marks when exemplar storage is off (an empty answer)', () => {
    expect(toExemplarMarks([])).toEqual([]);
  });
});
