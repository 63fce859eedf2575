// @vitest-environment node
import { toPromStep, toPromTime, toSearchParams } from './params';

describe('toPromTime', () => {
  it.each([
    [1435781430781, '1435781430.781'],
    [1435781430780, '1435781430.78'],
    [1435781430000, '1435781430'],
    [1435781430005, '1435781430.005'],
    [1435781430781.4, '1435781430.781'],
    [0, '0'],
    [-1500, '-1.5'],
  ])('%s ms → %s', (ms, text) => {
    expect(toPromTime(ms)).toBe(text);
  });
});

describe('toPromStep', () => {
  it('writes seconds with at most millisecond precision', () => {
    expect(toPromStep(15)).toBe('15');
    expect(toPromStep(0.5)).toBe('0.5');
    expect(toPromStep(1 / 3)).toBe('0.333');
  });
});

describe('toSearchParams', () => {
  it('repeats list keys and skips undefined values', () => {
    const params = toSearchParams({ 'match[]': ['up', 'x{a="b"}'], start: undefined, limit: 5 });
    expect(params.toString()).toBe('match%5B%5D=up&match%5B%5D=x%7Ba%3D%22b%22%7D&limit=5');
  });
});
