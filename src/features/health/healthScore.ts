/**
 * Health score, 0–100:
 *
 *   score = 100 × (0.5 × S + 0.3 × L + 0.2 × (1 − U))
 *
 * S = success rate (0–1); L = latency score = min(1, objective ÷ p95), so 1 while p95 meets
 * the objective and falling as it grows (p95 at twice the objective gives 0.5); U = saturation
 * of the busiest instance (0–1). A component that cannot be measured is left out and the
 * remaining weights are scaled up, and the result says which were missing.
 */
export const HEALTH_WEIGHTS = { success: 0.5, latency: 0.3, saturation: 0.2 } as const;

export const HEALTH_FORMULA =
  'score = 100 × (0.5 × success rate + 0.3 × min(1, objective ÷ p95) + 0.2 × (1 − saturation))';

export type HealthInputs = {
  successRate: number | null;
  p95Seconds: number | null;
  latencyObjectiveSeconds: number;
  saturation: number | null;
};

export type HealthScore = {
  score: number | null;
  components: { success: number | null; latency: number | null; saturation: number | null };
  missing: Array<'success rate' | 'p95 latency' | 'saturation'>;
};

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const usable = (v: number | null): v is number => v !== null && Number.isFinite(v);

export function healthScore({
  successRate,
  p95Seconds,
  latencyObjectiveSeconds,
  saturation,
}: HealthInputs): HealthScore {
  const success = usable(successRate) ? clamp01(successRate) : null;
  const latency = usable(p95Seconds)
    ? p95Seconds <= 0
      ? 1
      : clamp01(latencyObjectiveSeconds / p95Seconds)
    : null;
  const headroom = usable(saturation) ? 1 - clamp01(saturation) : null;

  const parts: Array<[number | null, number]> = [
    [success, HEALTH_WEIGHTS.success],
    [latency, HEALTH_WEIGHTS.latency],
    [headroom, HEALTH_WEIGHTS.saturation],
  ];
  const present = parts.filter((p): p is [number, number] => p[0] !== null);
  const weight = present.reduce((n, [, w]) => n + w, 0);
  const score =
    weight === 0 ? null : Math.round((100 * present.reduce((n, [v, w]) => n + v * w, 0)) / weight);

  const missing: HealthScore['missing'] = [];
  if (success === null) missing.push('success rate');
  if (latency === null) missing.push('p95 latency');
  if (headroom === null) missing.push('saturation');
  return {
    score,
    components: { success, latency, saturation: headroom === null ? null : 1 - headroom },
    missing,
  };
}
