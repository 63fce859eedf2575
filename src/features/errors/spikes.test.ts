import type { FrameSeries } from '@/query/prometheus/frames';
import {
  detectSeriesSpikes,
  formatTimeToRecover,
  hasEnoughPoints,
  MIN_POINTS_FOR_DETECTION,
  sampleIntervalMs,
  spikeMarkers,
  spikeRows,
  spikeSummary,
} from './spikes';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const STEP = 60_000;
const BASELINE = [0.02, 0.021, 0.019, 0.02, 0.022, 0.018];

/** A noisy 2 % error ratio with `spike` values replacing the baseline from index `at`. */
function ratioSeries(length: number, at: number, spike: number[]): FrameSeries {
  const points: [number, number][] = Array.from({ length }, (_, i) => {
    const inSpike = i >= at && i < at + spike.length;
    return [T0 + i * STEP, inSpike ? (spike[i - at] ?? 0) : (BASELINE[i % BASELINE.length] ?? 0)];
  });
  return { id: 'ratio', name: 'error ratio', labels: {}, points };
}

describe('sampleIntervalMs', () => {
  it('is the smallest positive gap, whatever the order', () => {
    expect(
      sampleIntervalMs([
        [3000, 1],
        [0, 1],
        [1000, 1],
        [1000, 2],
      ]),
    ).toBe(1000);
  });
  it('is 0 for fewer than two samples', () => {
    expect(sampleIntervalMs([[5, 1]])).toBe(0);
  });
});

describe('detectSeriesSpikes and spikeRows', () => {
  it('turns a recovered spike into a row with start, peak, duration and time to recover', () => {
    const series = ratioSeries(60, 30, [0.25, 0.4, 0.3, 0.2, 0.15]);
    const spikes = detectSeriesSpikes([series]);
    expect(spikes).toHaveLength(1);

    const [row] = spikeRows(spikes, { unit: 'percentunit', tz: 'utc' });
    expect(row).toMatchObject({
      series: 'error ratio',
      start: '2026-01-01 12:30:00',
      peak: '40%',
      // Five anomalous one-minute samples; back to normal at the sixth.
      duration: '5 min',
      timeToRecover: '5 min',
    });
  });

  it('leaves a spike that lasts to the end of the range unrecovered', () => {
    const series = ratioSeries(40, 36, [0.5, 0.5, 0.5, 0.5]);
    const [row] = spikeRows(detectSeriesSpikes([series]), { unit: 'percentunit', tz: 'utc' });
    expect(row?.timeToRecover).toBe('not recovered');
    expect(row?.timeToRecoverMs).toBeNull();
    expect(row?.duration).toBe('4 min so far');
  });

  it('finds nothing in a steady series', () => {
    expect(detectSeriesSpikes([ratioSeries(60, 0, [])])).toEqual([]);
  });

  it('keeps spikes of several series apart and orders them by start', () => {
    const a = { ...ratioSeries(60, 40, [0.4, 0.4]), id: 'a', name: 'planner' };
    const b = { ...ratioSeries(60, 20, [0.4, 0.4]), id: 'b', name: 'coder' };
    expect(detectSeriesSpikes([a, b]).map((s) => s.seriesName)).toEqual(['coder', 'planner']);
  });
});

describe('hasEnoughPoints', () => {
  it('needs one point more than the baseline the detector starts from', () => {
    expect(hasEnoughPoints([ratioSeries(MIN_POINTS_FOR_DETECTION - 1, 0, [])])).toBe(false);
    expect(hasEnoughPoints([ratioSeries(MIN_POINTS_FOR_DETECTION, 0, [])])).toBe(true);
  });
  it('does not count missing values', () => {
    const series = ratioSeries(MIN_POINTS_FOR_DETECTION, 0, []);
    series.points[0] = [T0, Number.NaN];
    expect(hasEnoughPoints([series])).toBe(false);
  });
});

describe('formatTimeToRecover', () => {
  it('reads as a duration, or says the spike has not recovered', () => {
    expect(formatTimeToRecover(90_000)).toBe('1 min 30 s');
    expect(formatTimeToRecover(null)).toBe('not recovered');
  });
});

describe('spikeMarkers', () => {
  it('marks the start and shades until recovery, or until the last anomalous sample', () => {
    const recovered = detectSeriesSpikes([ratioSeries(60, 30, [0.3, 0.3])]);
    expect(spikeMarkers(recovered, 'percentunit')).toEqual([
      { t: T0 + 30 * STEP, end: T0 + 32 * STEP, label: 'Spike, peak 30%' },
    ]);
    const open = detectSeriesSpikes([ratioSeries(40, 37, [0.3, 0.3, 0.3])]);
    expect(spikeMarkers(open, 'percentunit')[0]?.end).toBe(T0 + 39 * STEP);
  });
});

describe('spikeSummary', () => {
  it('counts spikes and the ones still open', () => {
    expect(spikeSummary([])).toBe('No spikes detected in this time range.');
    const closed = detectSeriesSpikes([ratioSeries(60, 30, [0.3])]);
    expect(spikeSummary(closed)).toBe('1 spike detected, all recovered');
    const both = detectSeriesSpikes([
      ratioSeries(60, 20, [0.3]),
      { ...ratioSeries(40, 38, [0.3, 0.3]), id: 'b' },
    ]);
    expect(spikeSummary(both)).toBe('2 spikes detected, 1 not recovered');
  });
});
