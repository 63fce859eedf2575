import type { MetricsSnapshotInput, StepInput } from '@/datasources/live/schema';

/** Realistic messages for docs/live-protocol.md; the doc test validates each against its schema. */

const metrics: MetricsSnapshotInput = {
  agents: { total: 12, active: 5 },
  workflows: { total: 7, active: 3 },
  executions: { total: 48_210, running: 4, completed: 45_903, failed: 2_303 },
  successRate: 0.952,
  avgExecutionMs: 21_480,
  failures24h: 311,
  failures1h: 9,
  runningExecutions: 4,
  executions5m: 61,
  activeSteps: 6,
  systemLoad: 2.35,
  resources: {
    cpuPercent: 57.2,
    memoryPercent: 68.9,
    ioBytesPerSec: 3_145_728,
    networkBytesPerSec: 1_048_576,
  },
  tokens: [
    { provider: 'openai', model: 'gpt-4o', input: 1_204_331, output: 288_120, costUsd: 5.89 },
    {
      provider: 'anthropic',
      model: 'claude-sonnet-4',
      input: 903_114,
      output: 201_877,
      costUsd: 5.74,
    },
  ],
};

const runningStep: StepInput = {
  id: 'step-2',
  name: 'Classify ticket',
  agent: 'classifier',
  status: 'running',
  startedAt: '2026-03-01T12:00:03.250Z',
  endedAt: null,
  tokens: { input: 1_840, output: 0 },
  costUsd: 0.0046,
  error: null,
};

const finishedStep: StepInput = {
  id: 'step-1',
  name: 'Fetch ticket',
  agent: 'retriever',
  status: 'succeeded',
  startedAt: '2026-03-01T12:00:00.500Z',
  endedAt: '2026-03-01T12:00:03.250Z',
  tokens: { input: 412, output: 96 },
  costUsd: 0.0011,
  error: null,
};

const execution = {
  id: 'exec-20260301-0042',
  workflow: 'support-triage',
  status: 'running',
  startedAt: '2026-03-01T12:00:00.000Z',
  endedAt: null,
  steps: [finishedStep, runningStep],
};

export const EXAMPLES = {
  'metrics.snapshot': {
    type: 'metrics.snapshot',
    seq: 1_042,
    ts: 1_772_366_400_000,
    stream: 'metrics',
    data: metrics,
  },
  'execution.snapshot': {
    type: 'execution.snapshot',
    seq: 3,
    ts: '2026-03-01T12:00:03.300Z',
    data: execution,
  },
  'execution.step': {
    type: 'execution.step',
    seq: 4,
    ts: '2026-03-01T12:00:05.900Z',
    data: {
      ...runningStep,
      status: 'failed',
      endedAt: '2026-03-01T12:00:05.880Z',
      tokens: { input: 1_840, output: 212 },
      costUsd: 0.0067,
      error: 'Rate limited by provider (429) after 3 retries',
    },
  },
  'execution.status': {
    type: 'execution.status',
    seq: 5,
    ts: '2026-03-01T12:00:05.950Z',
    data: { status: 'failed', endedAt: '2026-03-01T12:00:05.940Z' },
  },
  pong: { type: 'pong', ts: 1_772_366_430_010, data: { ts: 1_772_366_430_000 } },
  error: {
    type: 'error',
    ts: 1_772_366_430_010,
    data: { code: 'not_found', message: 'No execution exec-20260301-9999' },
  },
  ping: { type: 'ping', seq: 7, ts: 1_772_366_430_000, data: { ts: 1_772_366_430_000 } },
  overview: { seq: 1_042, ts: 1_772_366_400_000, data: metrics },
  executions: {
    ts: 1_772_366_400_000,
    data: [
      {
        id: 'exec-20260301-0041',
        workflow: 'invoice-extraction',
        status: 'succeeded',
        startedAt: '2026-03-01T11:59:40.000Z',
        endedAt: '2026-03-01T11:59:58.500Z',
        durationMs: 18_500,
        stepCount: 4,
        tokens: { input: 9_812, output: 1_904 },
        costUsd: 0.041,
      },
    ],
  },
  execution: { seq: 3, ts: '2026-03-01T12:00:03.300Z', data: execution },
  traces: {
    ts: 1_772_366_400_000,
    data: [
      {
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        executionId: 'exec-20260301-0041',
        rootName: 'workflow invoice-extraction',
        service: 'agent-platform',
        startedAt: '2026-03-01T11:59:40.000Z',
        durationMs: 18_500,
        spanCount: 9,
        errorCount: 0,
      },
    ],
  },
} as const;

export type ExampleName = keyof typeof EXAMPLES;
