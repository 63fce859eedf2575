import type { Labels } from '@/datasources/prometheus';
import type { FrameSeries } from '@/query/prometheus/frames';

/** Tokens one agent spent on one model over the time range. */
export type TokenUsage = {
  agent: string;
  model: string;
  provider: string;
  input: number;
  output: number;
};

/**
 * `gen_ai_token_type` as the OpenTelemetry GenAI conventions spell it (`input`, `output`), with
 * the names older instrumentations used (`prompt`, `completion`).
 */
export function tokenDirection(labels: Labels): 'input' | 'output' | null {
  switch (labels.gen_ai_token_type) {
    case 'input':
    case 'prompt':
      return 'input';
    case 'output':
    case 'completion':
      return 'output';
    default:
      return null;
  }
}

export const modelOf = (labels: Labels): string => labels.gen_ai_request_model ?? '';

/** Newer conventions name the provider `gen_ai_provider_name`; older ones `gen_ai_system`. */
export const providerOf = (labels: Labels): string =>
  labels.gen_ai_provider_name ?? labels.gen_ai_system ?? '';

/** A sample the sums can use: missing and NaN samples count as nothing. */
function usable(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? value : 0;
}

/**
 * Rows of the `agents.tokens-by-agent-model` result (one series per agent, model, provider and
 * token type) merged into one usage per agent, model and provider.
 */
export function tokenUsages(series: readonly FrameSeries[]): TokenUsage[] {
  const byKey = new Map<string, TokenUsage>();
  for (const s of series) {
    const direction = tokenDirection(s.labels);
    if (!direction) continue;
    const agent = s.labels.agent ?? '';
    const model = modelOf(s.labels);
    const provider = providerOf(s.labels);
    const key = JSON.stringify([agent, model, provider]);
    let usage = byKey.get(key);
    if (!usage) {
      usage = { agent, model, provider, input: 0, output: 0 };
      byKey.set(key, usage);
    }
    usage[direction] += usable(s.points[s.points.length - 1]?.[1]);
  }
  return [...byKey.values()];
}
