import { describe, expect, it } from 'vitest';
import { healthScore } from './healthScore';

describe('healthScore', () => {
  it('is 100 for a perfect system', () => {
    expect(
      healthScore({ successRate: 1, p95Seconds: 1, latencyObjectiveSeconds: 2, saturation: 0 })
        .score,
    ).toBe(100);
  });

  it('weights success 0.5, latency 0.3, headroom 0.2', () => {
    // 0.5×0.9 + 0.3×(2/4) + 0.2×(1−0.5) = 0.45 + 0.15 + 0.1 = 0.70
    const result = healthScore({
      successRate: 0.9,
      p95Seconds: 4,
      latencyObjectiveSeconds: 2,
      saturation: 0.5,
    });
    expect(result.score).toBe(70);
    expect(result.components).toEqual({ success: 0.9, latency: 0.5, saturation: 0.5 });
  });

  it('leaves out what cannot be measured and says so', () => {
    const result = healthScore({
      successRate: 0.8,
      p95Seconds: null,
      latencyObjectiveSeconds: 2,
      saturation: Number.NaN,
    });
    expect(result.score).toBe(80);
    expect(result.missing).toEqual(['p95 latency', 'saturation']);
  });

  it('has no score when nothing is measured', () => {
    expect(
      healthScore({
        successRate: null,
        p95Seconds: null,
        latencyObjectiveSeconds: 2,
        saturation: null,
      }).score,
    ).toBeNull();
  });

  it('clamps out-of-range inputs', () => {
    expect(
      healthScore({ successRate: 1.2, p95Seconds: 0, latencyObjectiveSeconds: 2, saturation: 1.5 })
        .score,
    ).toBe(80);
  });
});
