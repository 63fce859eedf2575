import type { SamplePair } from '@/datasources/prometheus';
import type { FrameSeries } from '@/query/prometheus/frames';
import { priceFor, tokenCostUsd, type PriceTable } from '@/lib/pricing';
import { modelOf, providerOf, tokenDirection, type TokenUsage } from './tokenUsage';

/** Cost of some usages: what the priced models cost, and which models could not be priced. */
export type CostSummary = { costUsd: number | null; unpricedModels: string[] };

export function summarizeCost(usages: readonly TokenUsage[], prices: PriceTable): CostSummary {
  let costUsd: number | null = null;
  const unpriced = new Set<string>();
  for (const u of usages) {
    const cost = tokenCostUsd(u.model, u.input, u.output, prices);
    if (cost === null) {
      if (u.input + u.output > 0) unpriced.add(u.model);
    } else {
      costUsd = (costUsd ?? 0) + cost;
    }
  }
  return { costUsd, unpricedModels: [...unpriced].sort() };
}

export type ModelUsageRow = {
  key: string;
  model: string;
  provider: string;
  input: number;
  output: number;
  /** Null when the model has no price: shown as such, never as $0. */
  costUsd: number | null;
};

/** Usage per model and provider, of the given agents only when `agents` is not empty. */
export function usageByModel(
  usages: readonly TokenUsage[],
  prices: PriceTable,
  agents: readonly string[] = [],
): ModelUsageRow[] {
  const rows = new Map<string, ModelUsageRow>();
  for (const u of usages) {
    if (agents.length > 0 && !agents.includes(u.agent)) continue;
    const key = JSON.stringify([u.model, u.provider]);
    const row = rows.get(key) ?? {
      key,
      model: u.model,
      provider: u.provider,
      input: 0,
      output: 0,
      costUsd: null,
    };
    row.input += u.input;
    row.output += u.output;
    rows.set(key, row);
  }
  return [...rows.values()].map((row) => ({
    ...row,
    costUsd: tokenCostUsd(row.model, row.input, row.output, prices),
  }));
}

export type CostGrouping = 'provider' | 'model';

export type CostSeries = { id: string; name: string; points: SamplePair[] };

const SECONDS_PER_HOUR = 3600;

/**
 * Spend in USD per hour over time, from token rates (tokens per second by model, provider and
 * token type): each rate times its model's price per token, summed per provider or per model
 * at each timestamp. Series of models without a price are left out and named.
 */
export function costRateSeries(
  tokenRates: readonly FrameSeries[],
  prices: PriceTable,
  groupBy: CostGrouping,
): { series: CostSeries[]; unpricedModels: string[] } {
  const groups = new Map<string, Map<number, number>>();
  const unpriced = new Set<string>();
  for (const s of tokenRates) {
    const direction = tokenDirection(s.labels);
    if (!direction) continue;
    const model = modelOf(s.labels);
    const price = priceFor(model, prices);
    if (!price) {
      unpriced.add(model);
      continue;
    }
    const usdPerToken =
      (direction === 'input' ? price.inputPerMTok : price.outputPerMTok) / 1_000_000;
    const name = groupBy === 'provider' ? providerOf(s.labels) : model;
    const sums = groups.get(name) ?? new Map<number, number>();
    groups.set(name, sums);
    for (const [t, tokensPerSecond] of s.points) {
      if (!Number.isFinite(tokensPerSecond)) continue;
      sums.set(t, (sums.get(t) ?? 0) + tokensPerSecond * usdPerToken * SECONDS_PER_HOUR);
    }
  }
  const series = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, sums]) => ({
      id: `${groupBy}:${name}`,
      name: name || `(no ${groupBy})`,
      points: [...sums.entries()].sort(([a], [b]) => a - b),
    }));
  return { series, unpricedModels: [...unpriced].sort() };
}
