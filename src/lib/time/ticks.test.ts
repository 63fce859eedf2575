import { describe, expect, it } from 'vitest';
import { timeTicks } from './ticks';

const at = (iso: string) => Date.parse(iso);
const iso = (ts: number[]) => ts.map((t) => new Date(t).toISOString());

describe('timeTicks', () => {
  it('puts labels on round times, about one per 100 px', () => {
    const ticks = timeTicks(at('2026-11-21T04:07:13Z'), at('2026-11-21T10:07:13Z'), 1200, 'utc');
    // Six hours over 12 slots: every 30 minutes, on the half hour.
    expect(iso(ticks).slice(0, 3)).toEqual([
      '2026-11-21T04:30:00.000Z',
      '2026-11-21T05:00:00.000Z',
      '2026-11-21T05:30:00.000Z',
    ]);
    expect(ticks).toHaveLength(12);
    expect(
      ticks.every((t) => t >= at('2026-11-21T04:07:13Z') && t <= at('2026-11-21T10:07:13Z')),
    ).toBe(true);
  });

  it('spreads them out on a narrow chart, never closer than the gap', () => {
    // 300 px for six hours: 2-hour steps are exactly 100 px apart, both ends included.
    const ticks = timeTicks(at('2026-11-21T04:00:00Z'), at('2026-11-21T10:00:00Z'), 300, 'utc');
    expect(iso(ticks)).toEqual([
      '2026-11-21T04:00:00.000Z',
      '2026-11-21T06:00:00.000Z',
      '2026-11-21T08:00:00.000Z',
      '2026-11-21T10:00:00.000Z',
    ]);
  });

  it('rounds on the reader’s clock in browser time', () => {
    // The test run's zone is whatever the machine has; the labels must be round there.
    const from = at('2026-11-21T04:07:00Z');
    const ticks = timeTicks(from, from + 3 * 86_400_000, 700, 'browser');
    expect(ticks.length).toBeGreaterThan(0);
    for (const t of ticks) {
      const d = new Date(t);
      // Three days on 700 px: every 12 hours, at local midnight and noon.
      expect([d.getHours() % 12, d.getMinutes(), d.getSeconds()]).toEqual([0, 0, 0]);
    }
  });

  it('gives nothing for an empty range or an unmeasured chart', () => {
    expect(timeTicks(10, 10, 800, 'utc')).toEqual([]);
    expect(timeTicks(10, 5, 800, 'utc')).toEqual([]);
    expect(timeTicks(0, 1000, 0, 'utc')).toEqual([]);
  });

  it('counts in whole days beyond a month per label', () => {
    const ticks = timeTicks(at('2024-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'), 400, 'utc');
    expect(ticks.length).toBeLessThanOrEqual(4);
    expect(ticks.every((t) => t % 86_400_000 === 0)).toBe(true);
  });
});
