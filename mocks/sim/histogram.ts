/**
 * Classic Prometheus histograms built from per-bin counters. Each bin counts
 *   mean × ∫ shape × p_state(bin)  + bounded noise that moves mass between low and high bins,
 * so cumulative `le` buckets, `_count` and `_sum` are mutually consistent, monotonic in time and
 * in `le`, and quantiles drift a little instead of sitting perfectly flat.
 */
import type { IncidentKind, IncidentSchedule } from './incidents';
import { COUNTER_EPOCH_SEC } from './counter';
import { binMeans, binProbabilities, logNormalQuantile, type LogNormal } from './distribution';
import { memoizeByTime } from './memo';
import { counterNoise, shapeIntegralFor, shiftNoise } from './rhythm';

export interface HistogramIncidentEffect {
  readonly agent: number;
  readonly kind: IncidentKind;
  /** Extra observations during the incident, as a multiple of the normal rate. */
  readonly excess: number;
  /** Distribution during the incident. */
  readonly distribution: LogNormal;
}

export interface HistogramSpec {
  /** Finite upper bounds, ascending; a +Inf bucket is implied. */
  readonly bounds: readonly number[];
  /** Observations per second at a daily shape of 1. */
  readonly mean: number;
  readonly peakHourUtc: number;
  readonly noiseKey: number;
  readonly distribution: LogNormal;
  readonly effects?: readonly HistogramIncidentEffect[];
}

/** Linear combination of the time-dependent terms; every histogram series is one of these. */
interface Weights {
  readonly normal: number;
  readonly perEffect: readonly number[];
  readonly noise: number;
  readonly shift: number;
}

export interface SimHistogram {
  readonly bounds: readonly number[];
  /** Cumulative count of observations ≤ bounds[index] (index === bounds.length is +Inf). */
  bucket(index: number): (tSec: number) => number;
  count(): (tSec: number) => number;
  sum(): (tSec: number) => number;
  /** The observation at quantile u of the distribution in force at tSec. */
  observe(tSec: number, u: number): number;
}

export function createHistogram(spec: HistogramSpec, schedule: IncidentSchedule): SimHistogram {
  const effects = spec.effects ?? [];
  const normal = binProbabilities(spec.distribution, spec.bounds);
  const perEffect = effects.map((e) =>
    binProbabilities(e.distribution, spec.bounds).map((p) => p * (1 + e.excess)),
  );
  // Noise may only take from a bin what every state leaves in it, so no bin ever shrinks.
  const floor = normal.map((p, bin) => Math.min(p, ...perEffect.map((probs) => probs[bin]!)));
  const medianBin = spec.bounds.findIndex((b) => b >= spec.distribution.median);
  const direction = normal.map((_, bin) => (bin <= medianBin ? 1 : -1));
  const means = binMeans(spec.distribution, spec.bounds);

  const combine = (coefficient: (bin: number) => number, bins: number): Weights => {
    let n = 0;
    let noise = 0;
    let shift = 0;
    const fx = effects.map(() => 0);
    for (let bin = 0; bin < bins; bin++) {
      const c = coefficient(bin);
      n += c * normal[bin]!;
      noise += c * floor[bin]!;
      shift += c * floor[bin]! * direction[bin]!;
      perEffect.forEach((probs, i) => (fx[i] = fx[i]! + c * probs[bin]!));
    }
    return { normal: n, perEffect: fx, noise, shift };
  };

  // Every bucket, _sum and _count of one histogram share these terms.
  const shape = shapeIntegralFor(spec.peakHourUtc);
  const noise = memoizeByTime((tSec) => counterNoise(spec.noiseKey, tSec));
  const shift = memoizeByTime((tSec) => shiftNoise(spec.noiseKey, tSec));
  const raw = (w: Weights, tSec: number) => {
    let value = w.normal * shape(tSec);
    for (let i = 0; i < effects.length; i++) {
      const effect = effects[i]!;
      const exposure = schedule.exposure(effect.agent, effect.kind, tSec);
      value += (w.perEffect[i]! - w.normal) * exposure;
    }
    if (w.noise !== 0) value += w.noise * noise(tSec);
    if (w.shift !== 0) value += w.shift * shift(tSec);
    return value;
  };

  // Bucket counts are whole numbers. Flooring also absorbs rounding noise in buckets that barely
  // grow (a bin far in the tail), which could otherwise make them dip by 1e-20.
  const series = (w: Weights, whole: boolean) => {
    const atEpoch = raw(w, COUNTER_EPOCH_SEC);
    return whole
      ? (tSec: number) => Math.max(0, Math.floor(spec.mean * (raw(w, tSec) - atEpoch)))
      : (tSec: number) => Math.max(0, spec.mean * (raw(w, tSec) - atEpoch));
  };

  const allBins = normal.length;
  return {
    bounds: spec.bounds,
    bucket: (index) =>
      series(
        combine(() => 1, index + 1),
        true,
      ),
    count: () =>
      series(
        combine(() => 1, allBins),
        true,
      ),
    sum: () =>
      series(
        combine((bin) => means[bin]!, allBins),
        false,
      ),
    observe(tSec, u) {
      const effect = effects.find((e) => schedule.isActive(e.agent, e.kind, tSec * 1000));
      return logNormalQuantile(effect?.distribution ?? spec.distribution, u);
    },
  };
}
