import { describe, expect, it } from 'vitest';
import type { FrameSeries } from '@/query/prometheus/frames';
import { costRateSeries, summarizeCost, usageByModel } from './costs';
import { tokenUsages } from './tokenUsage';

const rate = (
  model: string,
  provider: string,
  type: string,
  points: Array<[number, number]>,
): FrameSeries => {
  const labels = {
    gen_ai_request_model: model,
    gen_ai_provider_name: provider,
    gen_ai_token_type: type,
  };
  return { id: JSON.stringify(labels), name: model, labels, points };
};

describe('tokenUsages', () => {
  it('merges input and output series of one agent and model, and accepts older type names and gen_ai_system', () => {
    const usages = tokenUsages([
      {
        id: 'a',
        name: 'a',
        labels: {
          agent: 'x',
          gen_ai_request_model: 'm',
          gen_ai_system: 'p',
          gen_ai_token_type: 'prompt',
        },
        points: [[0, 7]],
      },
      {
        id: 'b',
        name: 'b',
        labels: {
          agent: 'x',
          gen_ai_request_model: 'm',
          gen_ai_system: 'p',
          gen_ai_token_type: 'completion',
        },
        points: [[0, 3]],
      },
      {
        id: 'c',
        name: 'c',
        labels: { agent: 'x', gen_ai_request_model: 'm', gen_ai_token_type: 'reasoning-cache' },
        points: [[0, 99]],
      },
    ]);
    expect(usages).toEqual([{ agent: 'x', model: 'm', provider: 'p', input: 7, output: 3 }]);
  });
});

describe('summarizeCost', () => {
  it('is null, not $0, when no model has a price', () => {
    expect(
      summarizeCost([{ agent: 'a', model: 'mystery', provider: '', input: 10, output: 0 }], {}),
    ).toEqual({
      costUsd: null,
      unpricedModels: ['mystery'],
    });
  });
});

describe('usageByModel', () => {
  const usages = [
    { agent: 'planner', model: 'gpt-4o', provider: 'openai', input: 1_000_000, output: 0 },
    { agent: 'coder', model: 'gpt-4o', provider: 'openai', input: 1_000_000, output: 1_000_000 },
    { agent: 'coder', model: 'mystery', provider: 'acme', input: 5, output: 5 },
  ];

  it('adds up every agent by model and provider, with no cost for an unpriced model', () => {
    const rows = usageByModel(usages, {});
    expect(rows).toEqual([
      {
        key: JSON.stringify(['gpt-4o', 'openai']),
        model: 'gpt-4o',
        provider: 'openai',
        input: 2_000_000,
        output: 1_000_000,
        costUsd: 15,
      },
      {
        key: JSON.stringify(['mystery', 'acme']),
        model: 'mystery',
        provider: 'acme',
        input: 5,
        output: 5,
        costUsd: null,
      },
    ]);
  });

  it('keeps only the selected agents', () => {
    expect(usageByModel(usages, {}, ['planner'])).toEqual([
      expect.objectContaining({ model: 'gpt-4o', input: 1_000_000, output: 0, costUsd: 2.5 }),
    ]);
  });
});

describe('costRateSeries', () => {
  const rates = [
    rate('gpt-4o', 'openai', 'input', [
      [1000, 100],
      [2000, 200],
    ]),
    rate('gpt-4o', 'openai', 'output', [
      [1000, 10],
      [2000, 0],
    ]),
    rate('gpt-4o-mini', 'openai', 'input', [[1000, 1000]]),
    rate('claude-sonnet-4', 'anthropic', 'output', [[2000, 20]]),
    rate('mystery', 'acme', 'input', [[1000, 5]]),
  ];

  it('turns tokens per second into USD per hour summed per provider', () => {
    const { series, unpricedModels } = costRateSeries(rates, {}, 'provider');
    expect(series.map((s) => s.name)).toEqual(['anthropic', 'openai']);
    // 20 tok/s × $15/M × 3600
    expect(series[0]?.points).toEqual([[2000, expect.closeTo(1.08, 10)]]);
    // t=1000: (100 × 2.5 + 10 × 10 + 1000 × 0.15) / 1e6 × 3600 = 1.8; t=2000: 200 × 2.5 / 1e6 × 3600 = 1.8
    expect(series[1]?.points).toEqual([
      [1000, expect.closeTo(1.8, 10)],
      [2000, expect.closeTo(1.8, 10)],
    ]);
    expect(unpricedModels).toEqual(['mystery']);
  });

  it('can group per model instead', () => {
    const { series } = costRateSeries(rates, {}, 'model');
    expect(series.map((s) => s.name)).toEqual(['claude-sonnet-4', 'gpt-4o', 'gpt-4o-mini']);
    expect(series[2]?.points).toEqual([[1000, expect.closeTo(0.54, 10)]]);
  });

  it('skips NaN samples instead of poisoning the sum', () => {
    const { series } = costRateSeries(
      [
        rate('gpt-4o', 'openai', 'input', [
          [1000, Number.NaN],
          [2000, 1],
        ]),
      ],
      {},
      'model',
    );
    expect(series[0]?.points).toEqual([[2000, expect.closeTo(0.009, 10)]]);
  });
});
