import { detectSpikes } from './anomaly';

const STEP = 15_000; // one point every 15 s, like a typical Prometheus step
const T0 = 1_700_000_000_000;
const tAt = (i: number) => T0 + i * STEP;
const series = (n: number, f: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => ({ t: tAt(i), v: f(i) }));

/** Deterministic noise in [-1, 1) from a linear congruential generator. */
function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return (state / 2 ** 32) * 2 - 1;
  };
}

describe('detectSpikes', () => {
  it('finds nothing in a flat series', () => {
    expect(detectSpikes(series(200, () => 0.02))).toEqual([]);
    expect(detectSpikes(series(200, () => 0))).toEqual([]);
  });

  it('finds nothing in empty or short input', () => {
    expect(detectSpikes([])).toEqual([]);
    expect(detectSpikes(series(2, (i) => i * 100))).toEqual([]);
  });

  it('reports one injected spike with its start, end, peak and recovery', () => {
    const spike: Record<number, number> = { 40: 0.5, 41: 0.8, 42: 0.3 };
    const spikes = detectSpikes(series(60, (i) => spike[i] ?? 0.01));
    expect(spikes).toEqual([
      {
        start: tAt(40),
        end: tAt(42),
        peak: 0.8,
        peakAt: tAt(41),
        recoveredAt: tAt(43),
        timeToRecoverMs: 3 * STEP,
      },
    ]);
  });

  it('finds the one spike in a noisy sine wave', () => {
    const rand = noise(42);
    const input = series(300, (i) =>
      i >= 120 && i < 125 ? 0.3 : 0.05 + 0.01 * Math.sin(i / 5) + 0.003 * rand(),
    );
    const spikes = detectSpikes(input);
    expect(spikes).toHaveLength(1);
    expect(spikes[0]).toMatchObject({
      start: tAt(120),
      end: tAt(124),
      peak: 0.3,
      recoveredAt: tAt(125),
      timeToRecoverMs: 5 * STEP,
    });
  });

  it('leaves a spike that never comes back down unrecovered', () => {
    const spikes = detectSpikes(series(80, (i) => (i < 50 ? 0.01 : 0.4 + (i === 70 ? 0.1 : 0))));
    expect(spikes).toEqual([
      {
        start: tAt(50),
        end: tAt(79),
        peak: 0.5,
        peakAt: tAt(70),
        recoveredAt: null,
        timeToRecoverMs: null,
      },
    ]);
  });

  it('skips NaN points without splitting a spike or counting them as recovery', () => {
    const values: Record<number, number> = { 30: 0.6, 31: Number.NaN, 32: 0.7, 33: Number.NaN };
    const input = series(50, (i) => values[i] ?? (i % 9 === 0 ? Number.NaN : 0.01));
    expect(detectSpikes(input)).toEqual([
      {
        start: tAt(30),
        end: tAt(32),
        peak: 0.7,
        peakAt: tAt(32),
        recoveredAt: tAt(34),
        timeToRecoverMs: 4 * STEP,
      },
    ]);
  });

  it('reports separate spikes separately', () => {
    const spikes = detectSpikes(series(120, (i) => (i === 40 || i === 90 ? 1 : 0.01)));
    expect(spikes.map((s) => [s.start, s.recoveredAt])).toEqual([
      [tAt(40), tAt(41)],
      [tAt(90), tAt(91)],
    ]);
  });

  it('keeps a spike that wavers around the threshold as one spike', () => {
    // Baseline 0.01 with minScale 0.01: z = 67.45 · (v − 0.01). 0.05 scores 2.7, below the
    // threshold of 3.5 but above the recovery band of 1.75.
    const values: Record<number, number> = { 40: 0.2, 41: 0.05, 42: 0.2, 43: 0.05 };
    const spikes = detectSpikes(
      series(60, (i) => values[i] ?? 0.01),
      { minScale: 0.01 },
    );
    expect(spikes).toHaveLength(1);
    expect(spikes[0]).toMatchObject({ start: tAt(40), end: tAt(43), recoveredAt: tAt(44) });
    // Without the band, each excursion above the threshold is its own spike.
    const noBand = { minScale: 0.01, recoveryThreshold: 3.5 };
    expect(
      detectSpikes(
        series(60, (i) => values[i] ?? 0.01),
        noBand,
      ),
    ).toHaveLength(2);
  });

  it('ends a spike only below the recovery band', () => {
    const values: Record<number, number> = { 40: 0.2, 41: 0.05 };
    const input = series(60, (i) => values[i] ?? 0.01);
    expect(detectSpikes(input, { minScale: 0.01 })[0]?.recoveredAt).toBe(tAt(42));
    expect(detectSpikes(input, { minScale: 0.01, recoveryThreshold: 3.5 })[0]?.recoveredAt).toBe(
      tAt(41),
    );
  });

  it('ignores drops, which are good news for an error rate', () => {
    expect(detectSpikes(series(100, (i) => (i === 60 ? 0 : 0.2)))).toEqual([]);
  });

  it('does not judge points before the baseline has enough history', () => {
    // window 10 needs 5 baseline points first.
    const early = series(40, (i) => (i === 3 ? 1 : 0.01));
    expect(detectSpikes(early, { window: 10 })).toEqual([]);
    const later = series(40, (i) => (i === 5 ? 1 : 0.01));
    expect(detectSpikes(later, { window: 10 })).toHaveLength(1);
  });

  it('uses minScale as the spread of a flat baseline', () => {
    const input = series(60, (i) => (i === 40 ? 0.001 : 0));
    // z = 0.6745 · 0.001 / 0.001 ≈ 0.67 with the default: ordinary.
    expect(detectSpikes(input)).toEqual([]);
    // z = 0.6745 · 0.001 / 0.00001 ≈ 67: a spike.
    expect(detectSpikes(input, { minScale: 0.00001 })).toHaveLength(1);
  });

  it('uses the baseline spread when it is larger than minScale', () => {
    const rand = noise(7);
    // Noise of ±0.2 around 1 gives a MAD near 0.1: a bump of 0.2 is within it, 1.5 is not.
    const noisy = (bump: number) => series(100, (i) => 1 + 0.2 * rand() + (i === 70 ? bump : 0));
    expect(detectSpikes(noisy(0.2))).toEqual([]);
    expect(detectSpikes(noisy(1.5))).toHaveLength(1);
  });

  it('gives the same answer for unsorted input', () => {
    const spike: Record<number, number> = { 40: 0.5, 41: 0.8 };
    const sorted = series(60, (i) => spike[i] ?? 0.01);
    const shuffled = [...sorted].reverse();
    expect(detectSpikes(shuffled)).toEqual(detectSpikes(sorted));
    expect(shuffled[0]?.t).toBe(tAt(59));
  });

  it.each([
    [{ window: 2 }, /window/],
    [{ window: 10.5 }, /window/],
    [{ threshold: 0 }, /threshold/],
    [{ threshold: Number.NaN }, /threshold/],
    [{ minScale: 0 }, /minScale/],
    [{ recoveryThreshold: 5 }, /recoveryThreshold/],
    [{ recoveryThreshold: -1 }, /recoveryThreshold/],
  ])('rejects options %j', (opts, message) => {
    expect(() => detectSpikes([], opts)).toThrow(RangeError);
    expect(() => detectSpikes([], opts)).toThrow(message);
  });
});
