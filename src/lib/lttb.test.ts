import { lttb } from './lttb';

type P = { t: number; v: number | null };
const px = (p: P) => p.t;
const py = (p: P) => p.v;

const series = (n: number, f: (i: number) => number | null): P[] =>
  Array.from({ length: n }, (_, i) => ({ t: i * 1000, v: f(i) }));

/** True when every output point comes from the input, in the input's order. */
function isOrderedSubsequence<T>(output: T[], input: T[]): boolean {
  let at = -1;
  for (const p of output) {
    const next = input.indexOf(p, at + 1);
    if (next < 0) return false;
    at = next;
  }
  return true;
}

describe('lttb', () => {
  it('returns the input itself when it is already small enough', () => {
    const input = series(100, Math.sin);
    expect(lttb(input, 100, px, py)).toBe(input);
    expect(lttb(input, 500, px, py)).toBe(input);
    expect(lttb([], 10, px, py)).toEqual([]);
  });

  it.each([2, 0, -5, Number.NaN])('returns the input itself for threshold %s', (threshold) => {
    const input = series(100, Math.sin);
    expect(lttb(input, threshold, px, py)).toBe(input);
  });

  it('returns exactly threshold points, including the first and last', () => {
    const input = series(10_000, (i) => Math.sin(i / 50) + (i % 7) / 10);
    for (const threshold of [3, 10, 100, 999]) {
      const out = lttb(input, threshold, px, py);
      expect(out).toHaveLength(threshold);
      expect(out[0]).toBe(input[0]);
      expect(out.at(-1)).toBe(input.at(-1));
    }
  });

  it('rounds a fractional threshold down', () => {
    expect(lttb(series(1000, Math.sin), 50.9, px, py)).toHaveLength(50);
  });

  it('picks the point with the largest triangle in a bucket', () => {
    // Three points out of five: the middle bucket holds x = 1, 2, 3 and x = 2 sticks out most.
    const input = [0, 1, 10, 2, 0].map((v, t) => ({ t, v }));
    expect(lttb(input, 3, px, py).map((p) => p.t)).toEqual([0, 2, 4]);
  });

  it('keeps a one-point spike and a one-point dip in a flat line', () => {
    const input = series(5000, (i) => (i === 1234 ? 100 : i === 3777 ? -80 : 1));
    const out = lttb(input, 50, px, py);
    expect(out).toContain(input[1234]);
    expect(out).toContain(input[3777]);
  });

  it('keeps points at the crests and troughs of a sine wave', () => {
    const input = series(7200, (i) => Math.sin((i / 7200) * 4 * Math.PI));
    const out = lttb(input, 200, px, py);
    const values = out.map((p) => p.v as number);
    // A bucket is 36 points wide; a kept point in the crest's bucket is within 0.002 of it.
    expect(Math.max(...values)).toBeGreaterThan(0.999);
    expect(Math.min(...values)).toBeLessThan(-0.999);
  });

  it('returns input points in increasing x order', () => {
    const input = series(3000, (i) => Math.cos(i / 10) * i);
    const out = lttb(input, 137, px, py);
    expect(isOrderedSubsequence(out, input)).toBe(true);
    for (let i = 1; i < out.length; i++) expect(out[i]!.t).toBeGreaterThan(out[i - 1]!.t);
  });

  describe('gaps', () => {
    const withGap = series(1000, (i) => (i >= 400 && i < 450 ? null : Math.sin(i / 20)));

    it('keeps one missing point per gap, where the gap is', () => {
      const out = lttb(withGap, 100, px, py);
      const missing = out.filter((p) => p.v === null);
      expect(missing).toEqual([withGap[400]]);
      expect(out).toHaveLength(100);
      expect(isOrderedSubsequence(out, withGap)).toBe(true);
    });

    it('keeps the last point before and the first point after a gap', () => {
      const out = lttb(withGap, 100, px, py);
      const at = out.indexOf(withGap[400]!);
      expect(out[at - 1]).toBe(withGap[399]);
      expect(out[at + 1]).toBe(withGap[450]);
    });

    it('shares the threshold among the stretches by length', () => {
      const out = lttb(withGap, 100, px, py);
      const before = out.filter((p) => p.t < 400_000).length;
      const after = out.filter((p) => p.t >= 450_000).length;
      // 400 and 550 valid points share 99 places: 41.7 and 57.3.
      expect(before).toBe(42);
      expect(after).toBe(57);
    });

    it('treats NaN and infinite values as missing, and keeps gaps at either end', () => {
      const input = series(600, (i) =>
        i < 10 ? Number.NaN : i >= 590 ? Number.POSITIVE_INFINITY : i % 13,
      );
      const out = lttb(input, 60, px, py);
      expect(out[0]).toBe(input[0]);
      expect(out[1]).toBe(input[10]);
      expect(out.at(-2)).toBe(input[589]);
      expect(out.at(-1)).toBe(input[590]);
      expect(out).toHaveLength(60);
    });

    it('keeps lone valid points between gaps', () => {
      const input = series(1000, (i) => (i % 100 === 50 ? 7 : i % 100 > 50 ? null : 1));
      const out = lttb(input, 100, px, py);
      for (let i = 50; i < 1000; i += 100) expect(out).toContain(input[i]);
    });

    it('may exceed the threshold only when gaps leave no other choice', () => {
      // 200 one-point stretches and 200 gaps cannot fit in 100 points without losing data.
      const input = series(400, (i) => (i % 2 === 0 ? i : null));
      expect(lttb(input, 100, px, py)).toHaveLength(400);
    });
  });
});
