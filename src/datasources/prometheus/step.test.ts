// @vitest-environment node
import {
  MAX_POINTS_PER_SERIES,
  computeStep,
  formatPromDuration,
  niceStep,
  rateInterval,
} from './step';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const start = Date.UTC(2026, 0, 1);

describe('niceStep', () => {
  it.each([
    [0.2, 1],
    [3, 5],
    [15, 15],
    [16, 20],
    [86.4, 120],
    [4000, 7200],
    [40_000_000, 40_000_000],
  ])('rounds %s s up to %s s', (raw, nice) => {
    expect(niceStep(raw)).toBe(nice);
  });
});

describe('computeStep', () => {
  it('never goes below the default 15 s scrape interval', () => {
    expect(computeStep({ start, end: start + HOUR_MS, widthPx: 1200 })).toBe(15);
  });

  it('gives about one point per pixel, rounded up to a nice step', () => {
    // 3600 s over 1200 px is 3 s per pixel; the next nice step is 5 s.
    expect(computeStep({ start, end: start + HOUR_MS, widthPx: 1200, scrapeIntervalSec: 1 })).toBe(
      5,
    );
    expect(computeStep({ start, end: start + DAY_MS, widthPx: 1000 })).toBe(120);
  });

  it('honours pxPerPoint', () => {
    const input = { start, end: start + HOUR_MS, widthPx: 1200, scrapeIntervalSec: 1 };
    expect(computeStep({ ...input, pxPerPoint: 2 })).toBe(10);
  });

  it('respects a panel min step even when it is not a nice value', () => {
    expect(computeStep({ start, end: start + HOUR_MS, widthPx: 1200, minStepSec: 37 })).toBe(37);
  });

  it('keeps a very wide chart within the 11000-points limit', () => {
    const end = start + 30 * DAY_MS;
    const step = computeStep({ start, end, widthPx: 1_000_000, scrapeIntervalSec: 1 });
    expect((end - start) / 1000 / step).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
    expect(step).toBe(300);
  });

  it('asks for a single point when the chart has no width yet', () => {
    expect(computeStep({ start, end: start + HOUR_MS, widthPx: 0 })).toBe(3600);
    expect(computeStep({ start, end: start + HOUR_MS, widthPx: Number.NaN })).toBe(3600);
  });

  it('holds its guarantees over many ranges and widths', () => {
    for (const rangeMs of [60_000, HOUR_MS, 7 * DAY_MS, 400 * DAY_MS]) {
      for (const widthPx of [50, 333, 1280, 4000, 20_000]) {
        const step = computeStep({ start, end: start + rangeMs, widthPx, scrapeIntervalSec: 10 });
        const points = rangeMs / 1000 / step;
        expect(step).toBeGreaterThanOrEqual(10);
        expect(points).toBeLessThanOrEqual(Math.max(widthPx, 1));
        expect(points).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
      }
    }
  });
});

describe('rateInterval', () => {
  it.each([
    [15, 15, 60],
    [60, 15, 75],
    [30, 5, 35],
    [1, 1, 4],
  ])('step %s s, scrape %s s → %s s', (step, scrape, expected) => {
    expect(rateInterval(step, scrape)).toBe(expected);
  });

  it('assumes a 15 s scrape interval by default', () => {
    expect(rateInterval(10)).toBe(60);
  });
});

describe('formatPromDuration', () => {
  it.each([
    [90, '1m30s'],
    [60, '1m'],
    [0.25, '250ms'],
    [86_400, '1d'],
    [3661.5, '1h1m1s500ms'],
    [0, '0s'],
    [-5, '0s'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatPromDuration(seconds)).toBe(text);
  });
});
