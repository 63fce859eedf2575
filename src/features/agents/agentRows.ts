import type { FrameSeries } from '@/query/prometheus/frames';
import type { PriceTable } from '@/lib/pricing';
import { summarizeCost } from './costs';
import { tokenUsages } from './tokenUsage';

/** The results the per-agent table joins; a result that failed or was not asked for is absent. */
export type AgentFrames = Partial<{
  requestRate: readonly FrameSeries[];
  successRatio: readonly FrameSeries[];
  p50: readonly FrameSeries[];
  p95: readonly FrameSeries[];
  p99: readonly FrameSeries[];
  tokens: readonly FrameSeries[];
}>;

export type AgentRow = {
  agent: string;
  reqPerSec: number | null;
  successRatio: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** Input plus output. */
  tokens: number | null;
  /** Cost of the priced models only; see unpricedModels. */
  costUsd: number | null;
  unpricedModels: string[];
};

type ValueColumn = 'reqPerSec' | 'successRatio' | 'p50' | 'p95' | 'p99';

const VALUE_COLUMNS: ReadonlyArray<[ValueColumn, keyof AgentFrames]> = [
  ['reqPerSec', 'requestRate'],
  ['successRatio', 'successRatio'],
  ['p50', 'p50'],
  ['p95', 'p95'],
  ['p99', 'p99'],
];

/** An instant result's value; NaN (0/0 with no traffic) is no value, not a number to show. */
function sampleValue(series: FrameSeries): number | null {
  const value = series.points[series.points.length - 1]?.[1];
  return value === undefined || Number.isNaN(value) ? null : value;
}

function emptyRow(agent: string): AgentRow {
  return {
    agent,
    reqPerSec: null,
    successRatio: null,
    p50: null,
    p95: null,
    p99: null,
    inputTokens: null,
    outputTokens: null,
    tokens: null,
    costUsd: null,
    unpricedModels: [],
  };
}

/**
 * One row per agent seen in any result, joined by the `agent` label. Cells an agent has no
 * value for stay null, so an agent that only spends tokens, or only serves requests, still
 * shows up. Rows come in agent-name order.
 */
export function joinAgentRows(frames: AgentFrames, prices: PriceTable): AgentRow[] {
  const rows = new Map<string, AgentRow>();
  const row = (agent: string) => {
    let r = rows.get(agent);
    if (!r) {
      r = emptyRow(agent);
      rows.set(agent, r);
    }
    return r;
  };

  for (const [column, frame] of VALUE_COLUMNS) {
    for (const s of frames[frame] ?? []) {
      const r = row(s.labels.agent ?? '');
      // The first series of an agent wins: the presets return one per agent.
      r[column] ??= sampleValue(s);
    }
  }

  const usages = tokenUsages(frames.tokens ?? []);
  for (const agent of new Set(usages.map((u) => u.agent))) {
    const mine = usages.filter((u) => u.agent === agent);
    const r = row(agent);
    r.inputTokens = mine.reduce((n, u) => n + u.input, 0);
    r.outputTokens = mine.reduce((n, u) => n + u.output, 0);
    r.tokens = r.inputTokens + r.outputTokens;
    const cost = summarizeCost(mine, prices);
    r.costUsd = cost.costUsd;
    r.unpricedModels = cost.unpricedModels;
  }

  return [...rows.values()].sort((a, b) => a.agent.localeCompare(b.agent));
}
