import type { MetricsSnapshot, TokenUsage } from '@/datasources/live';
import { tokenCostUsd, type PriceTable } from '@/lib/pricing';

/**
 * The gateway's metrics snapshot, computed from Prometheus with the platform's own (`aet_*`)
 * metric names when no gateway is configured. Windows follow the gateway's: rates and shares
 * over the last hour, plus the 5-minute and 24-hour counts the snapshot names.
 */
export const SNAPSHOT_QUERIES = {
  runningExecutions: 'sum(aet_active_tasks{mode="workflow"})',
  activeSteps: 'sum(aet_active_tasks)',
  executions5m: 'sum(increase(aet_events_total{event_type="execution_started"}[5m]))',
  failures1h: 'sum(increase(aet_events_total{event_type="execution_failed"}[1h]))',
  failures24h: 'sum(increase(aet_events_total{event_type="execution_failed"}[24h]))',
  successRate:
    'sum(increase(aet_tasks_total{status="success"}[1h])) / sum(increase(aet_tasks_total[1h]))',
  avgExecutionSeconds:
    'sum(increase(aet_task_duration_seconds_sum{mode="workflow"}[1h])) / sum(increase(aet_task_duration_seconds_count{mode="workflow"}[1h]))',
  systemLoad: 'avg(node_load1)',
  cpuPercent:
    '100 * (1 - avg(rate(node_cpu_seconds_total{mode="idle"}[5m]))) or avg(aet_cpu_usage_percent)',
  memoryPercent:
    '100 * (1 - sum(node_memory_MemAvailable_bytes) / sum(node_memory_MemTotal_bytes))',
  ioBytesPerSec:
    'sum(rate(node_disk_read_bytes_total[5m])) + sum(rate(node_disk_written_bytes_total[5m]))',
  networkBytesPerSec:
    'sum(rate(node_network_receive_bytes_total{device!="lo"}[5m])) + sum(rate(node_network_transmit_bytes_total{device!="lo"}[5m]))',
} as const;

/** Token usage over the last hour by provider, model and token type. */
export const TOKEN_USAGE_QUERY =
  'sum by (gen_ai_provider_name, gen_ai_system, gen_ai_request_model, gen_ai_token_type) (increase(gen_ai_client_token_usage_sum[1h]))';

export type ScalarQuery = keyof typeof SNAPSHOT_QUERIES;

/** A snapshot field the UI can show or hide; `cost:<provider>/<model>` for one model's cost. */
export type SnapshotField =
  | 'agents'
  | 'workflows'
  | 'executions.totals'
  | 'successRate'
  | 'avgExecutionMs'
  | 'failures24h'
  | 'failures1h'
  | 'runningExecutions'
  | 'executions5m'
  | 'activeSteps'
  | 'systemLoad'
  | 'resources.cpuPercent'
  | 'resources.memoryPercent'
  | 'resources.ioBytesPerSec'
  | 'resources.networkBytesPerSec'
  | 'tokens'
  | `cost:${string}`;

/**
 * Fields Prometheus cannot know: registered agents and workflows exist only in the platform,
 * and counters "since the platform started counting" reset with every process restart.
 */
export const NEVER_FROM_PROMETHEUS: readonly SnapshotField[] = [
  'agents',
  'workflows',
  'executions.totals',
];

export interface TokenSample {
  labels: Record<string, string>;
  value: number;
}

/** What the queries answered: a number, or null for an empty, failed or non-finite result. */
export interface PrometheusAnswers {
  scalars: Record<ScalarQuery, number | null>;
  tokens: readonly TokenSample[] | null;
}

export interface ComputedSnapshot {
  snapshot: MetricsSnapshot;
  /** Fields filled with a placeholder zero because Prometheus had no value for them. */
  unavailable: ReadonlySet<SnapshotField>;
}

export function costField(provider: string, model: string): SnapshotField {
  return `cost:${provider}/${model}`;
}

const INPUT_TYPES = new Set(['input', 'prompt']);
const OUTPUT_TYPES = new Set(['output', 'completion']);

/** Sums token samples per provider and model, pricing each with the configured price table. */
export function tokenUsageFromSamples(
  samples: readonly TokenSample[],
  prices: PriceTable,
): { usage: TokenUsage[]; unpriced: SnapshotField[] } {
  const byModel = new Map<
    string,
    { provider: string; model: string; input: number; output: number }
  >();
  for (const { labels, value } of samples) {
    if (!Number.isFinite(value) || value < 0) continue;
    const type = labels.gen_ai_token_type ?? '';
    const isInput = INPUT_TYPES.has(type);
    if (!isInput && !OUTPUT_TYPES.has(type)) continue;
    const provider = labels.gen_ai_provider_name || labels.gen_ai_system || 'unknown';
    const model = labels.gen_ai_request_model || 'unknown';
    const key = `${provider}/${model}`;
    const row = byModel.get(key) ?? { provider, model, input: 0, output: 0 };
    if (isInput) row.input += value;
    else row.output += value;
    byModel.set(key, row);
  }
  const unpriced: SnapshotField[] = [];
  const usage = [...byModel.values()].map((row) => {
    const input = Math.round(row.input);
    const output = Math.round(row.output);
    const cost = tokenCostUsd(row.model, input, output, prices);
    if (cost === null) unpriced.push(costField(row.provider, row.model));
    return { provider: row.provider, model: row.model, input, output, costUsd: cost ?? 0 };
  });
  usage.sort((a, b) => b.costUsd - a.costUsd || b.input + b.output - (a.input + a.output));
  return { usage, unpriced };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Assembles a schema-valid snapshot from query answers. Missing values become 0 so the snapshot
 * validates, and are listed in `unavailable` so the UI shows "–" instead of a made-up zero.
 */
export function snapshotFromAnswers(
  answers: PrometheusAnswers,
  prices: PriceTable,
): ComputedSnapshot {
  const unavailable = new Set<SnapshotField>(NEVER_FROM_PROMETHEUS);
  const read = (query: ScalarQuery, field: SnapshotField): number => {
    const value = answers.scalars[query];
    if (value === null || !Number.isFinite(value)) {
      unavailable.add(field);
      return 0;
    }
    return value;
  };
  const count = (query: ScalarQuery, field: SnapshotField) =>
    Math.max(0, Math.round(read(query, field)));
  const amount = (query: ScalarQuery, field: SnapshotField) => Math.max(0, read(query, field));

  const running = count('runningExecutions', 'runningExecutions');
  if (answers.tokens === null) unavailable.add('tokens');
  const tokens = tokenUsageFromSamples(answers.tokens ?? [], prices);
  for (const field of tokens.unpriced) unavailable.add(field);

  const snapshot: MetricsSnapshot = {
    agents: { total: 0, active: 0 },
    workflows: { total: 0, active: 0 },
    executions: { total: 0, running, completed: 0, failed: 0 },
    successRate: clamp(read('successRate', 'successRate'), 0, 1),
    avgExecutionMs: Math.round(amount('avgExecutionSeconds', 'avgExecutionMs') * 1000),
    failures24h: count('failures24h', 'failures24h'),
    failures1h: count('failures1h', 'failures1h'),
    runningExecutions: running,
    executions5m: count('executions5m', 'executions5m'),
    activeSteps: count('activeSteps', 'activeSteps'),
    systemLoad: amount('systemLoad', 'systemLoad'),
    resources: {
      cpuPercent: clamp(read('cpuPercent', 'resources.cpuPercent'), 0, 100),
      memoryPercent: clamp(read('memoryPercent', 'resources.memoryPercent'), 0, 100),
      ioBytesPerSec: amount('ioBytesPerSec', 'resources.ioBytesPerSec'),
      networkBytesPerSec: amount('networkBytesPerSec', 'resources.networkBytesPerSec'),
    },
    tokens: tokens.usage,
  };
  return { snapshot, unavailable };
}
