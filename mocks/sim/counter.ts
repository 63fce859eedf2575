/**
 * Cumulative counters as closed-form integrals of their rate:
 *   rate(t) = mean × (shape(t) + noise'(t) + Σ excess × shape(t) × [t inside an incident])
 * so a counter is cheap to evaluate at any instant and never decreases.
 */
import type { IncidentKind, IncidentSchedule } from './incidents';
import { counterNoise, shapeIntegralFor } from './rhythm';

/** Counters start from zero at this instant (2025-01-01T00:00:00Z). */
export const COUNTER_EPOCH_SEC = 1_735_689_600;

export interface IncidentEffect {
  readonly agent: number;
  readonly kind: IncidentKind;
  /** Extra rate during the incident, as a multiple of the normal rate. */
  readonly excess: number;
}

export interface CounterSpec {
  /** Mean increase per second at a daily shape of 1. */
  readonly mean: number;
  readonly peakHourUtc: number;
  readonly noiseKey: number;
  readonly effects?: readonly IncidentEffect[];
  /** Counts of events are whole numbers; accumulated seconds are not. */
  readonly whole?: boolean;
}

/** Returns the counter's value at tSec (seconds since the Unix epoch). */
export function createCounter(
  spec: CounterSpec,
  schedule: IncidentSchedule,
): (tSec: number) => number {
  const effects = spec.effects ?? [];
  const shape = shapeIntegralFor(spec.peakHourUtc);
  const raw = (tSec: number) => {
    let units = shape(tSec) + counterNoise(spec.noiseKey, tSec);
    for (const effect of effects) {
      units += effect.excess * schedule.exposure(effect.agent, effect.kind, tSec);
    }
    return units;
  };
  const atEpoch = raw(COUNTER_EPOCH_SEC);
  if (spec.whole) return (tSec) => Math.max(0, Math.floor(spec.mean * (raw(tSec) - atEpoch)));
  return (tSec) => Math.max(0, spec.mean * (raw(tSec) - atEpoch));
}
