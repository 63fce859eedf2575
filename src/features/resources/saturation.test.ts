import type { FrameSeries } from '@/query/prometheus/frames';
import { saturationLevel, saturationRows } from './saturation';

const series = (labels: Record<string, string>, value: number): FrameSeries => ({
  id: JSON.stringify(labels),
  name: labels.instance ?? 'value',
  labels,
  points: [
    [0, 0.1],
    [1, value],
  ],
});

describe('saturationLevel', () => {
  it('is amber from 80 % and red from 90 %', () => {
    expect(saturationLevel(0.799)).toBe('ok');
    expect(saturationLevel(0.8)).toBe('warning');
    expect(saturationLevel(0.899)).toBe('warning');
    expect(saturationLevel(0.9)).toBe('critical');
  });
});

describe('saturationRows', () => {
  it('joins the latest CPU, memory and fullest disk per instance, busiest instance first', () => {
    const rows = saturationRows({
      cpu: [series({ instance: 'a' }, 0.35), series({ instance: 'b' }, 0.92)],
      memory: [series({ instance: 'a' }, 0.81)],
      disk: [
        series({ instance: 'a', mountpoint: '/' }, 0.4),
        series({ instance: 'a', mountpoint: '/data' }, 0.7),
      ],
    });
    expect(rows.map((r) => r.instance)).toEqual(['b', 'a']);
    expect(rows[1]).toEqual({
      instance: 'a',
      cpu: { value: 0.35, level: 'ok' },
      memory: { value: 0.81, level: 'warning' },
      disk: { value: 0.7, level: 'ok', detail: '/data' },
      worst: 0.81,
    });
    expect(rows[0]).toMatchObject({ cpu: { level: 'critical' }, memory: null, disk: null });
  });

  it('skips series without a usable latest value', () => {
    const empty: FrameSeries = { id: 'x', name: 'x', labels: { instance: 'x' }, points: [] };
    expect(
      saturationRows({ cpu: [empty, series({ instance: 'y' }, Number.NaN)], memory: [], disk: [] }),
    ).toEqual([]);
  });
});
