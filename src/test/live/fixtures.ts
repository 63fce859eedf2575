import type { ExecutionInput, MetricsSnapshotInput, StepInput } from '@/datasources/live/schema';

export function metricsSnapshot(
  overrides: Partial<MetricsSnapshotInput> = {},
): MetricsSnapshotInput {
  return {
    agents: { total: 8, active: 3 },
    workflows: { total: 5, active: 2 },
    executions: { total: 1200, running: 4, completed: 1130, failed: 66 },
    successRate: 0.945,
    avgExecutionMs: 18_400,
    failures24h: 66,
    failures1h: 3,
    runningExecutions: 4,
    executions5m: 17,
    activeSteps: 5,
    systemLoad: 1.7,
    resources: { cpuPercent: 41, memoryPercent: 63, ioBytesPerSec: 2e6, networkBytesPerSec: 8e5 },
    tokens: [{ provider: 'openai', model: 'gpt-4o', input: 120_000, output: 30_000, costUsd: 0.9 }],
    ...overrides,
  };
}

export function step(id: string, overrides: Partial<StepInput> = {}): StepInput {
  return {
    id,
    name: `Step ${id}`,
    agent: 'planner',
    status: 'running',
    startedAt: 1_700_000_000_000,
    endedAt: null,
    tokens: { input: 100, output: 20 },
    costUsd: 0.001,
    error: null,
    ...overrides,
  };
}

export function execution(id: string, overrides: Partial<ExecutionInput> = {}): ExecutionInput {
  return {
    id,
    workflow: 'support-triage',
    status: 'running',
    startedAt: 1_700_000_000_000,
    endedAt: null,
    steps: [],
    ...overrides,
  };
}
