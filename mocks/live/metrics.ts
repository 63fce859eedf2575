/**
 * The gateway's metrics snapshot, computed from the executions of the last hour (at most the
 * last 1,200 executions). Long-range
 * counters (totals, 24 h failures) extrapolate from a baseline, since replaying a day of
 * executions per snapshot would be wasted work for a demo.
 */
import type { MetricsSnapshotInput, TokenUsage } from '@/datasources/live/schema';
import { catalog } from '@mocks/sim';
import type { ExecutionPlan, Platform } from './platform';

const HOUR_MS = 3_600_000;
/** Bounds the work per snapshot when executions are packed densely (fast demos, tests). */
const MAX_WINDOW_EXECUTIONS = 1_200;
const FIVE_MINUTES_MS = 300_000;
/** Failure share assumed for history older than the computed window. */
const BASELINE_FAILURE_RATE = 0.045;

function isRunning(plan: ExecutionPlan, tMs: number): boolean {
  return plan.startedAt <= tMs && tMs < plan.endedAt;
}

function wave(tMs: number, periodMs: number): number {
  return Math.sin((2 * Math.PI * tMs) / periodMs);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function tokenUsage(finishedSteps: ExecutionPlan['ranSteps']): TokenUsage[] {
  const byModel = new Map<string, TokenUsage>();
  for (const step of finishedSteps) {
    const key = `${step.model.provider}/${step.model.name}`;
    const usage = byModel.get(key) ?? {
      provider: step.model.provider,
      model: step.model.name,
      input: 0,
      output: 0,
      costUsd: 0,
    };
    usage.input += step.tokens.input;
    usage.output += step.tokens.output;
    usage.costUsd = round(usage.costUsd + step.costUsd, 6);
    byModel.set(key, usage);
  }
  return [...byModel.values()].sort((a, b) => b.costUsd - a.costUsd);
}

/**
 * @param countingSinceMs when the platform started counting executions (the totals' origin)
 */
export function metricsAt(
  platform: Platform,
  tMs: number,
  countingSinceMs: number,
): MetricsSnapshotInput {
  const { spacingMs } = platform.options;
  const window = platform.startedBetween(
    Math.max(tMs - HOUR_MS, tMs - MAX_WINDOW_EXECUTIONS * spacingMs),
    tMs,
  );
  const started = window.filter((plan) => plan.startedAt <= tMs);
  const finished = started.filter((plan) => plan.endedAt <= tMs);
  const running = started.filter((plan) => isRunning(plan, tMs));
  const failed = finished.filter((plan) => plan.outcome === 'failed');
  const succeeded = finished.filter((plan) => plan.outcome === 'succeeded');
  const activeSteps = running.flatMap((plan) =>
    plan.ranSteps.filter((step) => step.startAt <= tMs && tMs < step.endAt),
  );
  const finishedSteps = started.flatMap((plan) =>
    plan.ranSteps.filter((step) => step.endAt <= tMs),
  );

  const total = Math.max(started.length, Math.floor((tMs - countingSinceMs) / spacingMs));
  const olderThanWindow = Math.max(0, total - started.length);
  const failedTotal = failed.length + Math.round(olderThanWindow * BASELINE_FAILURE_RATE);
  const decided = succeeded.length + failed.length;
  const busy = running.length;

  return {
    agents: {
      total: catalog.AGENTS.length,
      active: new Set(activeSteps.map((step) => step.agent)).size,
    },
    workflows: {
      total: catalog.WORKFLOWS.length,
      active: new Set(running.map((plan) => plan.workflow)).size,
    },
    executions: {
      total,
      running: busy,
      completed: Math.max(0, total - failedTotal - busy),
      failed: failedTotal,
    },
    successRate: decided === 0 ? 1 : round(succeeded.length / decided, 4),
    avgExecutionMs:
      finished.length === 0
        ? 0
        : Math.round(
            finished.reduce((sum, plan) => sum + plan.endedAt - plan.startedAt, 0) /
              finished.length,
          ),
    failures24h: failed.length + Math.round(((23 * HOUR_MS) / spacingMs) * BASELINE_FAILURE_RATE),
    failures1h: failed.length,
    runningExecutions: busy,
    executions5m: started.filter((plan) => plan.startedAt > tMs - FIVE_MINUTES_MS).length,
    activeSteps: activeSteps.length,
    systemLoad: round(0.4 + busy * 0.18 + 0.25 * wave(tMs, 90_000), 2),
    resources: {
      cpuPercent: round(Math.min(97, 18 + busy * 3.5 + 6 * wave(tMs, 47_000)), 1),
      memoryPercent: round(Math.min(99, 58 + 9 * wave(tMs, 600_000) + activeSteps.length * 0.6), 1),
      ioBytesPerSec: Math.round(400_000 + activeSteps.length * 180_000 * (1.2 + wave(tMs, 13_000))),
      networkBytesPerSec: Math.round(150_000 + activeSteps.length * 95_000),
    },
    tokens: tokenUsage(finishedSteps),
  };
}
