// @vitest-environment node
import {
  executionSchema,
  executionSummarySchema,
  metricsSnapshotSchema,
} from '@/datasources/live/schema';
import { metricsAt } from './metrics';
import { createPlatform, type PlatformOptions } from './platform';

const options: PlatformOptions = {
  seed: 7,
  spacingMs: 3_000,
  stepScale: 0.4,
  incidentAt: () => false,
};
const T = 1_790_000_000_000;

describe('simulated platform', () => {
  it('is a pure function of seed and execution index', () => {
    const a = createPlatform(options);
    const b = createPlatform(options);
    for (const index of [0, 1, 596_666_666]) expect(a.plan(index)).toEqual(b.plan(index));
    expect(createPlatform({ ...options, seed: 8 }).plan(5)).not.toEqual(a.plan(5));
  });

  it('numbers events so that replaying them onto any snapshot gives the later snapshot', () => {
    const platform = createPlatform(options);
    for (const plan of platform.startedBetween(T, T + 120_000)) {
      const early = platform.stateAt(plan, plan.startedAt + 1_000);
      expect(early).not.toBeNull();
      const steps = new Map(early!.execution.steps.map((step) => [step.id, step]));
      let status = early!.execution.status;
      plan.events.slice(early!.seq).forEach((event) => {
        if (event.type === 'execution.step') steps.set(event.data.id, event.data);
        else status = event.data.status;
      });
      const final = platform.stateAt(plan, plan.endedAt)!;
      expect(final.seq).toBe(plan.events.length);
      expect(status).toBe(final.execution.status);
      expect([...steps.values()]).toEqual(final.execution.steps);
    }
  });

  it('produces executions and summaries the gateway schemas accept, ending in a terminal state', () => {
    const platform = createPlatform(options);
    const plans = platform.startedBetween(T, T + 600_000);
    expect(plans.length).toBeGreaterThan(150);
    for (const plan of plans) {
      const final = executionSchema.parse(platform.stateAt(plan, plan.endedAt)!.execution);
      expect(['succeeded', 'failed', 'cancelled']).toContain(final.status);
      expect(final.endedAt).toBe(plan.endedAt);
      expect(
        final.steps.every((step) => step.status !== 'running' && step.status !== 'pending'),
      ).toBe(true);
      executionSummarySchema.parse(platform.summaryAt(plan, plan.startedAt + 10));
    }
    const failed = plans.filter((plan) => plan.outcome === 'failed').length / plans.length;
    expect(failed).toBeGreaterThan(0.02);
    expect(failed).toBeLessThan(0.3);
  });

  it('fails far more often during an incident on the agent', () => {
    const calm = createPlatform(options).startedBetween(T, T + 900_000);
    const storm = createPlatform({ ...options, incidentAt: (agent) => agent === 'planner' });
    const stormy = storm.startedBetween(T, T + 900_000);
    const rate = (plans: typeof calm) =>
      plans.filter((plan) => plan.outcome === 'failed').length / plans.length;
    expect(rate(stormy)).toBeGreaterThan(rate(calm) * 3);
  });

  it('lists the most recent executions first, only those already started', () => {
    const platform = createPlatform(options);
    const recent = platform.recent(T, 10);
    expect(recent).toHaveLength(10);
    expect(recent.every((plan) => plan.startedAt <= T)).toBe(true);
    expect(recent.map((plan) => plan.index)).toEqual(
      [...recent.map((plan) => plan.index)].sort((a, b) => b - a),
    );
  });
});

describe('simulated metrics snapshot', () => {
  it('is valid and internally consistent', () => {
    const platform = createPlatform(options);
    const snapshot = metricsSnapshotSchema.parse(metricsAt(platform, T, T - 86_400_000));
    const { executions } = snapshot;
    expect(executions.completed + executions.failed + executions.running).toBe(executions.total);
    expect(executions.running).toBe(snapshot.runningExecutions);
    expect(snapshot.failures24h).toBeGreaterThanOrEqual(snapshot.failures1h);
    expect(snapshot.executions5m).toBeGreaterThan(50);
    expect(snapshot.agents.active).toBeLessThanOrEqual(snapshot.agents.total);
    expect(snapshot.tokens.length).toBeGreaterThan(1);
    expect(snapshot.tokens.every((usage) => usage.input > 0)).toBe(true);
  });

  it('moves with time', () => {
    const platform = createPlatform(options);
    const a = metricsAt(platform, T, T - 86_400_000);
    const b = metricsAt(platform, T + 60_000, T - 86_400_000);
    expect(b.executions.total).toBeGreaterThan(a.executions.total);
    expect(b).not.toEqual(a);
  });
});
