/**
 * Load shapes. Every rate in the simulator is `mean × dailyShape(t)` plus a bounded noise term,
 * and both have closed-form integrals, so cumulative counters are cheap at any instant.
 */
import { memoizeByTime } from './memo';
import { knotHash } from './random';

export const DAY_SECONDS = 86_400;
const OMEGA = (2 * Math.PI) / DAY_SECONDS;

/** Amplitudes of the daily and half-daily harmonics; the shape stays within [0.55, 1.45]. */
const DAILY_AMPLITUDE = 0.35;
const HALF_DAY_AMPLITUDE = 0.1;
export const MIN_DAILY_SHAPE = 1 - DAILY_AMPLITUDE - HALF_DAY_AMPLITUDE;

/** Busiest hour of the day in UTC for the default profile. */
const DEFAULT_PEAK_HOUR_UTC = 15;

/** Phase within the day; reducing before the trigonometry keeps it fast and exact. */
function dayPhase(tSec: number, peakHourUtc: number): number {
  return OMEGA * ((tSec - (peakHourUtc - 6) * 3600) % DAY_SECONDS);
}

/** Daily load multiplier (mean 1) peaking at `peakHourUtc`. */
export function dailyShape(tSec: number, peakHourUtc = DEFAULT_PEAK_HOUR_UTC): number {
  const x = dayPhase(tSec, peakHourUtc);
  return 1 + DAILY_AMPLITUDE * Math.sin(x) + HALF_DAY_AMPLITUDE * Math.sin(2 * x + 0.7);
}

/** Antiderivative of `dailyShape`: grows like t, wobbles by at most a few hours' worth. */
export function dailyShapeIntegral(tSec: number, peakHourUtc = DEFAULT_PEAK_HOUR_UTC): number {
  const x = dayPhase(tSec, peakHourUtc);
  return (
    tSec -
    (DAILY_AMPLITUDE / OMEGA) * Math.cos(x) -
    (HALF_DAY_AMPLITUDE / (2 * OMEGA)) * Math.cos(2 * x + 0.7)
  );
}

const shapeIntegrals = new Map<number, (tSec: number) => number>();

/** `dailyShapeIntegral` for one peak hour, memoised across every series sharing that hour. */
export function shapeIntegralFor(peakHourUtc: number): (tSec: number) => number {
  let fn = shapeIntegrals.get(peakHourUtc);
  if (!fn) {
    fn = memoizeByTime((tSec) => dailyShapeIntegral(tSec, peakHourUtc));
    shapeIntegrals.set(peakHourUtc, fn);
  }
  return fn;
}

/**
 * Piecewise-linear interpolation of hashed knots in [-1, 1] spaced `spacingSec` apart.
 * Its slope is bounded by 2 / spacingSec, which is what keeps noisy counters monotonic.
 */
export function wiggle(key: number, tSec: number, spacingSec: number): number {
  const position = tSec / spacingSec;
  const knot = Math.floor(position);
  const frac = position - knot;
  const a = knotHash(key, knot) * 2 - 1;
  const b = knotHash(key, knot + 1) * 2 - 1;
  return a + (b - a) * frac;
}

const FAST_SPACING = 60;
const SLOW_SPACING = 600;
const FAST_AMPLITUDE = 5;
const SLOW_AMPLITUDE = 40;

/**
 * Bounded noise added to a counter's integral. Its derivative stays within ±NOISE_RATE_BOUND,
 * below MIN_DAILY_SHAPE, so `mean × (shapeIntegral + counterNoise)` never decreases.
 */
export function counterNoise(key: number, tSec: number): number {
  return (
    FAST_AMPLITUDE * wiggle(key, tSec, FAST_SPACING) +
    SLOW_AMPLITUDE * wiggle(key ^ 0x68e31da4, tSec, SLOW_SPACING)
  );
}
export const NOISE_RATE_BOUND =
  (2 * FAST_AMPLITUDE) / FAST_SPACING + (2 * SLOW_AMPLITUDE) / SLOW_SPACING;

/** Slow noise that moves probability mass between latency bins; slope ≤ SHIFT_RATE_BOUND. */
export function shiftNoise(key: number, tSec: number): number {
  return SLOW_AMPLITUDE * wiggle(key ^ 0x1b56c4e9, tSec, SLOW_SPACING);
}
export const SHIFT_RATE_BOUND = (2 * SLOW_AMPLITUDE) / SLOW_SPACING;

/** Noise for gauges in [-1, 1]: a fast and a slow component. */
export function gaugeNoise(key: number, tSec: number): number {
  return 0.4 * wiggle(key, tSec, 30) + 0.6 * wiggle(key ^ 0x2c1b3c6d, tSec, 900);
}
