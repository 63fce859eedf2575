import { metricsSnapshotSchema } from '@/datasources/live';
import {
  NEVER_FROM_PROMETHEUS,
  SNAPSHOT_QUERIES,
  costField,
  snapshotFromAnswers,
  tokenUsageFromSamples,
  type PrometheusAnswers,
  type ScalarQuery,
} from './prometheusSnapshot';

function answers(
  scalars: Partial<Record<ScalarQuery, number | null>>,
  tokens: PrometheusAnswers['tokens'] = [],
): PrometheusAnswers {
  const all = Object.fromEntries(
    Object.keys(SNAPSHOT_QUERIES).map((name) => [name, null]),
  ) as Record<ScalarQuery, number | null>;
  return { scalars: { ...all, ...scalars }, tokens };
}

describe('SNAPSHOT_QUERIES', () => {
  it('reads the platform metrics the gateway snapshot is made of', () => {
    expect(SNAPSHOT_QUERIES.runningExecutions).toBe('sum(aet_active_tasks{mode="workflow"})');
    expect(SNAPSHOT_QUERIES.failures24h).toBe(
      'sum(increase(aet_events_total{event_type="execution_failed"}[24h]))',
    );
    expect(SNAPSHOT_QUERIES.executions5m).toContain('event_type="execution_started"');
    expect(SNAPSHOT_QUERIES.successRate).toContain('aet_tasks_total{status="success"}');
    expect(SNAPSHOT_QUERIES.avgExecutionSeconds).toContain('aet_task_duration_seconds_sum');
  });
});

describe('snapshotFromAnswers', () => {
  it('builds a schema-valid snapshot with rounded counts and converted units', () => {
    const { snapshot, unavailable } = snapshotFromAnswers(
      answers({
        runningExecutions: 3.6,
        activeSteps: 11.2,
        executions5m: 14.7,
        failures1h: 2.2,
        failures24h: 40.4,
        successRate: 0.97,
        avgExecutionSeconds: 12.5,
        systemLoad: 1.25,
        cpuPercent: 42,
        memoryPercent: 61,
        ioBytesPerSec: 2048,
        networkBytesPerSec: 4096,
      }),
      {},
    );
    expect(metricsSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot).toMatchObject({
      runningExecutions: 4,
      executions: { running: 4 },
      activeSteps: 11,
      executions5m: 15,
      failures1h: 2,
      failures24h: 40,
      successRate: 0.97,
      avgExecutionMs: 12_500,
      systemLoad: 1.25,
      resources: {
        cpuPercent: 42,
        memoryPercent: 61,
        ioBytesPerSec: 2048,
        networkBytesPerSec: 4096,
      },
    });
    expect([...unavailable].sort()).toEqual([...NEVER_FROM_PROMETHEUS].sort());
  });

  it('marks what Prometheus did not answer instead of inventing it', () => {
    const { snapshot, unavailable } = snapshotFromAnswers(
      answers({ runningExecutions: 2, successRate: Number.NaN }, null),
      {},
    );
    expect(metricsSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(unavailable.has('runningExecutions')).toBe(false);
    expect(unavailable.has('successRate')).toBe(true);
    expect(unavailable.has('resources.ioBytesPerSec')).toBe(true);
    expect(unavailable.has('tokens')).toBe(true);
    expect(unavailable.has('workflows')).toBe(true);
  });

  it('clamps shares and percentages into their ranges', () => {
    const { snapshot } = snapshotFromAnswers(
      answers({ successRate: 1.0000001, cpuPercent: 100.4, memoryPercent: -0.1 }),
      {},
    );
    expect(snapshot.successRate).toBe(1);
    expect(snapshot.resources.cpuPercent).toBe(100);
    expect(snapshot.resources.memoryPercent).toBe(0);
  });
});

describe('tokenUsageFromSamples', () => {
  it('sums input and output per provider and model and prices them', () => {
    const { usage, unpriced } = tokenUsageFromSamples(
      [
        {
          labels: {
            gen_ai_provider_name: 'openai',
            gen_ai_request_model: 'gpt-4o',
            gen_ai_token_type: 'input',
          },
          value: 1_000_000,
        },
        {
          labels: {
            gen_ai_provider_name: 'openai',
            gen_ai_request_model: 'gpt-4o',
            gen_ai_token_type: 'output',
          },
          value: 100_000.4,
        },
        {
          labels: {
            gen_ai_system: 'acme',
            gen_ai_request_model: 'house-model',
            gen_ai_token_type: 'prompt',
          },
          value: 50,
        },
      ],
      {},
    );
    expect(usage).toEqual([
      { provider: 'openai', model: 'gpt-4o', input: 1_000_000, output: 100_000, costUsd: 3.5 },
      { provider: 'acme', model: 'house-model', input: 50, output: 0, costUsd: 0 },
    ]);
    expect(unpriced).toEqual([costField('acme', 'house-model')]);
  });

  it('uses configured prices over the defaults', () => {
    const { usage, unpriced } = tokenUsageFromSamples(
      [
        {
          labels: {
            gen_ai_system: 'acme',
            gen_ai_request_model: 'house-model',
            gen_ai_token_type: 'completion',
          },
          value: 2_000_000,
        },
      ],
      { 'house-model': { inputPerMTok: 1, outputPerMTok: 2 } },
    );
    expect(usage[0]).toMatchObject({ output: 2_000_000, costUsd: 4 });
    expect(unpriced).toEqual([]);
  });
});
