import type { FrameSeries } from '@/query/prometheus/frames';
import { BEYOND_HORIZON_TEXT, forecastRows, formatTimeToExhaustion } from './forecast';

const series = (labels: Record<string, string>, value: number): FrameSeries => ({
  id: JSON.stringify(labels),
  name: Object.values(labels).join(' '),
  labels,
  points: [[0, value]],
});

describe('formatTimeToExhaustion', () => {
  it.each([
    [5, 'in 5 h'],
    [1.5, 'in 1.5 h'],
    [17.4, 'in 17 h'],
    [0.75, 'in 45 min'],
    [59.8 / 60, 'in 1 h'],
    [0.001, 'in < 1 min'],
    [0, 'now'],
    [60, 'in 2.5 d'],
    [168, 'in 7 d'],
  ])('%s h reads "%s"', (hours, text) => {
    expect(formatTimeToExhaustion(hours)).toBe(text);
  });

  it('says "not within 7 d" past the horizon and when nothing is shrinking', () => {
    expect(formatTimeToExhaustion(168.5)).toBe(BEYOND_HORIZON_TEXT);
    expect(formatTimeToExhaustion(Number.POSITIVE_INFINITY)).toBe(BEYOND_HORIZON_TEXT);
    expect(formatTimeToExhaustion(null)).toBe(BEYOND_HORIZON_TEXT);
    expect(BEYOND_HORIZON_TEXT).toBe('not within 7 d');
  });
});

describe('forecastRows', () => {
  const diskUsage = [
    series({ instance: 'web-1:9100', mountpoint: '/' }, 0.4),
    series({ instance: 'web-1:9100', mountpoint: '/data' }, 0.86),
    series({ instance: 'web-2:9100', mountpoint: '/' }, 0.3),
  ];
  const memoryUsage = [
    series({ instance: 'web-1:9100' }, 0.5),
    series({ instance: 'web-2:9100' }, 0.6),
  ];

  it('joins forecasts to every known disk and instance, soonest first, flat ones last', () => {
    const rows = forecastRows({
      diskUsage,
      diskForecast: [series({ instance: 'web-1:9100', mountpoint: '/data' }, 5)],
      memoryUsage,
      memoryForecast: [
        series({ instance: 'web-2:9100' }, 30),
        series({ instance: 'web-1:9100' }, 400),
      ],
    });
    expect(rows.map((r) => [r.instance, r.resource, r.text])).toEqual([
      ['web-1:9100', 'Disk /data', 'in 5 h'],
      ['web-2:9100', 'Memory', 'in 30 h'],
      ['web-1:9100', 'Disk /', 'not within 7 d'],
      ['web-1:9100', 'Memory', 'not within 7 d'],
      ['web-2:9100', 'Disk /', 'not within 7 d'],
    ]);
  });

  it('keeps a forecast whose usage series is missing, and takes the soonest of duplicates', () => {
    const rows = forecastRows({
      diskUsage: [],
      diskForecast: [
        series({ instance: 'db:9100', mountpoint: '/', device: 'a' }, 10),
        series({ instance: 'db:9100', mountpoint: '/', device: 'b' }, 3),
      ],
      memoryUsage: [],
      memoryForecast: [],
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      instance: 'db:9100',
      resource: 'Disk /',
      hours: 3,
      text: 'in 3 h',
    });
  });

  it('ignores forecast samples that are not numbers', () => {
    const rows = forecastRows({
      diskUsage: [],
      diskForecast: [],
      memoryUsage: [series({ instance: 'a' }, 0.5)],
      memoryForecast: [series({ instance: 'a' }, Number.NaN)],
    });
    expect(rows[0]?.text).toBe('not within 7 d');
  });
});
