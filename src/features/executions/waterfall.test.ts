import { executionSchema, stepSchema, type Step } from '@/datasources/live';
import { execution as executionInput, step as stepInput } from '@/test/live/fixtures';
import {
  bottleneckReason,
  executionTotals,
  findBottleneck,
  runWindow,
  runningScaleMs,
  shownSteps,
  stepBar,
  stepDurationMs,
} from './waterfall';

const T0 = 1_700_000_000_000;
const step = (id: string, overrides: Parameters<typeof stepInput>[1] = {}): Step =>
  stepSchema.parse(stepInput(id, overrides));

describe('runWindow', () => {
  it('spans a finished run from start to end', () => {
    const done = executionSchema.parse(executionInput('r', { startedAt: T0, endedAt: T0 + 5_000 }));
    expect(runWindow(done, T0 + 99_000)).toEqual({ start: T0, end: T0 + 5_000 });
  });

  it('gives a running run a scale with headroom that moves in steps', () => {
    const running = executionSchema.parse(executionInput('r', { startedAt: T0 }));
    expect(runWindow(running, T0 + 7_000)).toEqual({ start: T0, end: T0 + 10_000 });
    expect(runWindow(running, T0 + 8_000).end).toBe(T0 + 10_000);
    expect(runWindow(running, T0 + 9_500).end).toBe(T0 + 20_000);
  });

  it('stretches a finished run to a step reported past its end', () => {
    const skewed = executionSchema.parse(
      executionInput('r', {
        startedAt: T0,
        endedAt: T0 + 1_000,
        steps: [stepInput('a', { startedAt: T0, endedAt: T0 + 1_500, status: 'succeeded' })],
      }),
    );
    expect(runWindow(skewed, T0).end).toBe(T0 + 1_500);
  });
});

describe('runningScaleMs', () => {
  it('rounds elapsed time plus 10 % up to 1, 2 or 5 × 10ⁿ, at least a second', () => {
    expect(runningScaleMs(0)).toBe(1_000);
    expect(runningScaleMs(1_500)).toBe(2_000);
    expect(runningScaleMs(4_000)).toBe(5_000);
    expect(runningScaleMs(4_600)).toBe(10_000);
    expect(runningScaleMs(95_000)).toBe(200_000);
  });
});

describe('stepBar and stepDurationMs', () => {
  const window = { start: T0, end: T0 + 10_000 };

  it('places a finished step by its start and end', () => {
    const done = step('a', { startedAt: T0 + 2_000, endedAt: T0 + 5_000, status: 'succeeded' });
    expect(stepBar(done, window, T0 + 10_000)).toEqual({ offsetPct: 20, widthPct: 30 });
    expect(stepDurationMs(done, T0 + 10_000)).toBe(3_000);
  });

  it('grows a running step with time', () => {
    const running = step('a', { startedAt: T0 + 5_000 });
    expect(stepBar(running, window, T0 + 6_000)?.widthPct).toBe(10);
    expect(stepBar(running, window, T0 + 8_000)?.widthPct).toBe(30);
    expect(stepDurationMs(running, T0 + 8_000)).toBe(3_000);
  });

  it('draws nothing for a step that has not started', () => {
    const pending = step('a', { startedAt: null, status: 'pending' });
    expect(stepBar(pending, window, T0)).toBeNull();
    expect(stepDurationMs(pending, T0)).toBeNull();
  });
});

describe('findBottleneck', () => {
  const window = { start: T0, end: T0 + 10_000 };

  it('picks the slowest step and its share of the run', () => {
    const steps = [
      step('a', { startedAt: T0, endedAt: T0 + 2_000, status: 'succeeded' }),
      step('b', { startedAt: T0 + 2_000, endedAt: T0 + 6_200, status: 'succeeded' }),
      step('c', { startedAt: T0 + 6_200 }),
    ];
    const bottleneck = findBottleneck(steps, window, T0 + 8_000);
    expect(bottleneck).toEqual({ stepId: 'b', durationMs: 4_200, share: 0.42 });
    expect(bottleneckReason(bottleneck!)).toBe('slowest step, 42 % of the run');
  });

  it('counts a running step by how long it has run so far', () => {
    const steps = [
      step('a', { startedAt: T0, endedAt: T0 + 1_000, status: 'succeeded' }),
      step('b', { startedAt: T0 + 1_000 }),
    ];
    expect(findBottleneck(steps, window, T0 + 1_500)?.stepId).toBe('a');
    expect(findBottleneck(steps, window, T0 + 2_500)?.stepId).toBe('b');
  });

  it('needs two started steps to compare', () => {
    const steps = [step('a', { startedAt: T0 }), step('b', { startedAt: null, status: 'pending' })];
    expect(findBottleneck(steps, window, T0 + 1_000)).toBeNull();
  });
});

describe('executionTotals', () => {
  it('adds tokens and cost and counts finished steps', () => {
    const totals = executionTotals([
      step('a', { tokens: { input: 100, output: 10 }, costUsd: 0.25, status: 'succeeded' }),
      step('b', { tokens: { input: 50, output: 5 }, costUsd: 0.5, status: 'failed' }),
      step('c', { tokens: { input: 1, output: 0 }, costUsd: 0, status: 'running' }),
    ]);
    expect(totals).toEqual({ inputTokens: 151, outputTokens: 15, costUsd: 0.75, finishedSteps: 2 });
  });
});

describe('shownSteps', () => {
  it('shows steps once they start or are skipped, and counts the ones still waiting', () => {
    const { shown, waiting } = shownSteps([
      step('a', { startedAt: T0 }),
      step('b', { status: 'pending', startedAt: null }),
      step('c', { status: 'skipped', startedAt: null, endedAt: T0 }),
    ]);
    expect(shown.map((s) => s.id)).toEqual(['a', 'c']);
    expect(waiting).toBe(1);
  });
});
