import { describe, expect, it } from 'vitest';
import type { FrameSeries } from '@/query/prometheus/frames';
import { joinAgentRows } from './agentRows';

const T = 1_700_000_000_000;
const s = (labels: Record<string, string>, value: number): FrameSeries => ({
  id: JSON.stringify(labels),
  name: JSON.stringify(labels),
  labels,
  points: [[T, value]],
});
const tok = (agent: string, model: string, type: string, value: number) =>
  s(
    { agent, gen_ai_request_model: model, gen_ai_provider_name: 'openai', gen_ai_token_type: type },
    value,
  );

describe('joinAgentRows', () => {
  it('joins every result by the agent label', () => {
    const rows = joinAgentRows(
      {
        requestRate: [s({ agent: 'planner' }, 2), s({ agent: 'coder' }, 0.5)],
        successRatio: [s({ agent: 'planner' }, 0.875), s({ agent: 'coder' }, 1)],
        p50: [s({ agent: 'planner' }, 0.4), s({ agent: 'coder' }, 1.1)],
        p95: [s({ agent: 'planner' }, 1.5), s({ agent: 'coder' }, 3)],
        p99: [s({ agent: 'planner' }, 2.5), s({ agent: 'coder' }, 9)],
        tokens: [
          tok('planner', 'gpt-4o', 'input', 1_000_000),
          tok('planner', 'gpt-4o', 'output', 100_000),
        ],
      },
      {},
    );
    expect(rows.map((r) => r.agent)).toEqual(['coder', 'planner']);
    expect(rows[1]).toEqual({
      agent: 'planner',
      reqPerSec: 2,
      successRatio: 0.875,
      p50: 0.4,
      p95: 1.5,
      p99: 2.5,
      inputTokens: 1_000_000,
      outputTokens: 100_000,
      tokens: 1_100_000,
      // $2.50 for 1M input + $1.00 for 0.1M output
      costUsd: 3.5,
      unpricedModels: [],
    });
    expect(rows[0]).toMatchObject({ agent: 'coder', p99: 9, tokens: null, costUsd: null });
  });

  it('gives an agent found in only some results a row with the rest missing', () => {
    const rows = joinAgentRows(
      {
        p95: [s({ agent: 'reviewer' }, 2)],
        tokens: [tok('embedder', 'text-embedding-3-small', 'input', 10)],
      },
      {},
    );
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.agent === 'reviewer')).toMatchObject({
      reqPerSec: null,
      successRatio: null,
      p95: 2,
      tokens: null,
    });
    expect(rows.find((r) => r.agent === 'embedder')).toMatchObject({
      reqPerSec: null,
      p95: null,
      tokens: 10,
    });
  });

  it('treats NaN (no traffic in the range) as a missing value', () => {
    const [row] = joinAgentRows({ successRatio: [s({ agent: 'idle' }, Number.NaN)] }, {});
    expect(row?.successRatio).toBeNull();
  });

  it('sums tokens over models and counts only priced models in the cost, naming the others', () => {
    const [row] = joinAgentRows(
      {
        tokens: [
          tok('coder', 'gpt-4o', 'input', 1_000_000),
          tok('coder', 'in-house-7b', 'input', 5_000_000),
          tok('coder', 'in-house-7b', 'output', 1_000_000),
        ],
      },
      {},
    );
    expect(row).toMatchObject({ tokens: 7_000_000, costUsd: 2.5, unpricedModels: ['in-house-7b'] });
  });

  it('uses the config price table', () => {
    const [row] = joinAgentRows(
      { tokens: [tok('coder', 'in-house-7b', 'input', 2_000_000)] },
      { 'in-house-7b': { inputPerMTok: 0.1, outputPerMTok: 0.2 } },
    );
    expect(row?.costUsd).toBeCloseTo(0.2, 10);
    expect(row?.unpricedModels).toEqual([]);
  });

  it('returns no rows when nothing came back', () => {
    expect(joinAgentRows({}, {})).toEqual([]);
  });
});
