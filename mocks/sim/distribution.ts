/** Log-normal latency and size distributions, binned into Prometheus histogram buckets. */

export interface LogNormal {
  readonly median: number;
  /** Standard deviation of ln(x). */
  readonly sigma: number;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Inverse of the standard normal CDF (Acklam's rational approximation). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const poly = (coef: number[], x: number) => coef.reduce((acc, k) => acc * x + k, 0);
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

export function logNormalCdf(dist: LogNormal, x: number): number {
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return normalCdf(Math.log(x / dist.median) / dist.sigma);
}

export function logNormalQuantile(dist: LogNormal, p: number): number {
  return dist.median * Math.exp(dist.sigma * normalQuantile(p));
}

/** Probability of each bin (-inf, b0], (b0, b1], …, (bn-1, +Inf]. */
export function binProbabilities(dist: LogNormal, bounds: readonly number[]): number[] {
  const cdf = [...bounds.map((b) => logNormalCdf(dist, b)), 1];
  return cdf.map((value, i) => value - (i === 0 ? 0 : cdf[i - 1]!));
}

/**
 * Mean of the observations that land in each bin. Falls back to a point inside the bin when the
 * bin is too unlikely for the closed form to be numerically meaningful.
 */
export function binMeans(dist: LogNormal, bounds: readonly number[]): number[] {
  const { median, sigma } = dist;
  const mu = Math.log(median);
  const mean = Math.exp(mu + (sigma * sigma) / 2);
  const partialCdf = (x: number) =>
    x <= 0 ? 0 : x === Infinity ? 1 : normalCdf((Math.log(x) - mu - sigma * sigma) / sigma);
  const probabilities = binProbabilities(dist, bounds);
  const edges = [0, ...bounds, Infinity];
  return probabilities.map((p, i) => {
    const lo = edges[i]!;
    const hi = edges[i + 1]!;
    const fallback = hi === Infinity ? lo * 1.5 : lo === 0 ? hi / 2 : Math.sqrt(lo * hi);
    if (p < 1e-9) return fallback;
    const value = (mean * (partialCdf(hi) - partialCdf(lo))) / p;
    return Number.isFinite(value) && value >= lo && (value <= hi || hi === Infinity)
      ? value
      : fallback;
  });
}
