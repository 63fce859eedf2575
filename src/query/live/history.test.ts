import { metricsSnapshotSchema, type MetricsSample } from '@/datasources/live';
import { metricsSnapshot } from '@/test/live/fixtures';
import { historySeries, sparklinePoints } from './history';

const sample = (ts: number, running: number): MetricsSample => ({
  ts,
  data: metricsSnapshotSchema.parse(metricsSnapshot({ runningExecutions: running })),
});

describe('historySeries', () => {
  it('takes the newest points, oldest first', () => {
    const history = [sample(1, 3), sample(2, 5), sample(3, 4)];
    expect(historySeries(history, (m) => m.runningExecutions)).toEqual([3, 5, 4]);
    expect(historySeries(history, (m) => m.runningExecutions, 2)).toEqual([5, 4]);
  });
});

describe('sparklinePoints', () => {
  it('spans the box with the lowest value at the bottom', () => {
    expect(sparklinePoints([0, 10, 5], 100, 20)).toBe('0,20 50,0 100,10');
  });

  it('draws a flat series in the middle and nothing for a single value', () => {
    expect(sparklinePoints([7, 7], 10, 20)).toBe('0,10 10,10');
    expect(sparklinePoints([7], 10, 20)).toBe('');
  });
});
