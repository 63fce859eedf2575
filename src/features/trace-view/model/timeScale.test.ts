import { describe, expect, it } from 'vitest';
import { barGeometry, formatUs, ticks, tickStep } from './timeScale';

describe('barGeometry', () => {
  it('places a bar by its start and duration as shares of the trace', () => {
    expect(barGeometry(250, 500, 1000)).toEqual({ leftPct: 25, widthPct: 50 });
  });

  it('keeps zero-length spans visible and bars inside the track', () => {
    expect(barGeometry(1000, 0, 1000).widthPct).toBeGreaterThan(0);
    expect(barGeometry(900, 500, 1000)).toEqual({ leftPct: 90, widthPct: 10 });
    expect(barGeometry(-100, 50, 1000).leftPct).toBe(0);
    expect(barGeometry(0, 0, 0)).toEqual({ leftPct: 0, widthPct: 100 });
  });
});

describe('ticks', () => {
  it('uses round 1-2-5 steps', () => {
    expect(tickStep(1000, 5)).toBe(200);
    expect(tickStep(3_400_000, 5)).toBe(1_000_000);
    expect(tickStep(44_000_000, 5)).toBe(10_000_000);
  });

  it('labels ticks as durations from the trace start', () => {
    expect(ticks(3_400_000).map((t) => t.label)).toEqual(['0 ms', '1 s', '2 s', '3 s']);
    expect(ticks(1000).at(-1)).toEqual({ us: 1000, pct: 100, label: '1 ms' });
  });

  it('formats microseconds for people', () => {
    expect(formatUs(340)).toBe('340 µs');
    expect(formatUs(12_300)).toBe('12.3 ms');
    expect(formatUs(90_000_000)).toBe('1 min 30 s');
  });
});
