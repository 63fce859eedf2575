import { describe, expect, it } from 'vitest';
import { buildChartRows, POINT_BUDGET, toggleSeries, type Series } from './timeSeriesData';

const ramp = (id: string, n: number, f: (i: number) => number): Series => ({
  id,
  name: id,
  points: Array.from({ length: n }, (_, i) => [i * 1000, f(i)] as [number, number]),
});

describe('buildChartRows', () => {
  it('downsamples each series to about one point per pixel and keeps a spike', () => {
    const spiky = ramp('a', 11_000, (i) => (i === 5_432 ? 1_000 : 1));
    const rows = buildChartRows([spiky], new Set(), 400, { from: 0, to: 11_000_000 });
    expect(rows.length).toBeLessThanOrEqual(201);
    expect(rows.some((r) => r.s0 === 1_000)).toBe(true);
  });

  it('merges series by timestamp and leaves hidden ones out', () => {
    const rows = buildChartRows(
      [ramp('a', 3, () => 1), ramp('b', 3, () => 2)],
      new Set(['b']),
      800,
      { from: 0, to: 2000 },
    );
    expect(rows).toEqual([
      { t: 0, s0: 1 },
      { t: 1000, s0: 1 },
      { t: 2000, s0: 1 },
    ]);
  });

  it('gives a hundred series one shared row per pixel column', () => {
    const many = Array.from({ length: 100 }, (_, k) =>
      ramp(`s${k}`, 11_000, (i) => Math.sin(i / 50 + k)),
    );
    const rows = buildChartRows(many, new Set(), 1000, { from: 0, to: 11_000_000 });
    expect(rows.length).toBeLessThanOrEqual(1001);
    // A hundred series share the point budget: each keeps its share, wherever its peaks are.
    const s99 = rows.filter((r) => r.s99 !== undefined).length;
    expect(s99).toBeGreaterThan(POINT_BUDGET / 100 / 2);
    expect(rows.length).toBeLessThanOrEqual(POINT_BUDGET / 100 + 1);
    expect(rows.reduce((n, r) => n + Object.keys(r).length - 1, 0)).toBeLessThanOrEqual(
      POINT_BUDGET,
    );
  });

  it('turns infinities into gaps', () => {
    const rows = buildChartRows(
      [
        {
          id: 'a',
          name: 'a',
          points: [
            [0, Infinity],
            [1, 2],
            [2, 3],
          ],
        },
      ],
      new Set(),
      800,
      { from: 0, to: 2 },
    );
    expect(Number.isNaN(rows[0]?.s0)).toBe(true);
  });
});

describe('toggleSeries', () => {
  const ids = ['a', 'b', 'c'];
  it('hides and shows one series on click', () => {
    const hidden = toggleSeries(new Set(), ids, 'b', false);
    expect([...hidden]).toEqual(['b']);
    expect([...toggleSeries(hidden, ids, 'b', false)]).toEqual([]);
  });

  it('isolates one series on modifier-click, and restores all on a second one', () => {
    const isolated = toggleSeries(new Set(), ids, 'a', true);
    expect([...isolated].sort()).toEqual(['b', 'c']);
    expect([...toggleSeries(isolated, ids, 'a', true)]).toEqual([]);
  });
});
