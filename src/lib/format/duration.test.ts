import { formatDuration } from './duration';

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [0.5, '500 µs'],
    [340, '340 ms'],
    [12.34, '12.3 ms'],
    [1200, '1.2 s'],
    [45_000, '45 s'],
    [999.96, '1 s'],
    [59_999, '1 min'],
    [90_000, '1 min 30 s'],
    [7_380_000, '2 h 3 min'],
    [7_200_000, '2 h'],
    [90_061_000, '1 d 1 h'],
    [86_700_000, '1 d'],
    [-1500, '-1.5 s'],
  ])('%s ms → %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it('drops parts below the two largest instead of rounding them in', () => {
    expect(formatDuration(2 * 3_600_000 + 3 * 60_000 + 59_000)).toBe('2 h 3 min');
  });

  it('shows values without digits like formatValue', () => {
    expect(formatDuration(Number.NaN)).toBe('NaN');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('+Inf');
    expect(formatDuration(Number.NEGATIVE_INFINITY)).toBe('-Inf');
  });
});
