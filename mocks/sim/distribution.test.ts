import {
  binMeans,
  binProbabilities,
  logNormalCdf,
  logNormalQuantile,
  normalCdf,
  normalQuantile,
} from './distribution';

describe('distributions', () => {
  it('inverts the normal CDF', () => {
    for (const p of [0.001, 0.05, 0.3, 0.5, 0.8, 0.975, 0.999]) {
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    }
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });

  it('puts the log-normal median where it was asked for', () => {
    const dist = { median: 2.5, sigma: 0.6 };
    expect(logNormalCdf(dist, 2.5)).toBeCloseTo(0.5, 6);
    expect(logNormalQuantile(dist, 0.5)).toBeCloseTo(2.5, 9);
    expect(logNormalQuantile(dist, 0.95)).toBeCloseTo(2.5 * Math.exp(0.6 * 1.6448536), 4);
  });

  it('splits all probability across the buckets, +Inf included', () => {
    const bounds = [0.1, 0.5, 1, 5, 10];
    const p = binProbabilities({ median: 1, sigma: 1 }, bounds);
    expect(p).toHaveLength(bounds.length + 1);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p.every((x) => x >= 0)).toBe(true);
  });

  it('keeps each bucket mean inside its bucket', () => {
    const bounds = [0.1, 0.5, 1, 5, 10];
    const means = binMeans({ median: 1, sigma: 1 }, bounds);
    const edges = [0, ...bounds, Infinity];
    means.forEach((m, i) => {
      expect(m).toBeGreaterThan(edges[i]!);
      expect(m).toBeLessThanOrEqual(edges[i + 1]!);
    });
  });
});
