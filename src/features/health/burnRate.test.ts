import { describe, expect, it } from 'vitest';
import { burnRate, burnVerdicts } from './burnRate';

describe('burnRate', () => {
  it('divides the error ratio by the error budget', () => {
    expect(burnRate(0.01, 0.99)).toBeCloseTo(1);
    expect(burnRate(0.144, 0.99)).toBeCloseTo(14.4);
    expect(burnRate(null, 0.99)).toBeNull();
    expect(burnRate(Number.NaN, 0.99)).toBeNull();
  });
});

describe('burnVerdicts', () => {
  it('pages only when both the long and the short window burn fast', () => {
    const onlyLong = burnVerdicts({ '1h': 0.2, '5m': 0.05, '6h': 0.01, '30m': 0.01 }, 0.99);
    expect(onlyLong.find((v) => v.severity === 'page')?.firing).toBe(false);
    const both = burnVerdicts({ '1h': 0.2, '5m': 0.3, '6h': 0.07, '30m': 0.08 }, 0.99);
    expect(both.map((v) => v.firing)).toEqual([true, true]);
  });

  it('does not fire without data', () => {
    expect(burnVerdicts({}, 0.99).some((v) => v.firing)).toBe(false);
  });
});
