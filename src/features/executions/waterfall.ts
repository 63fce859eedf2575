import type { Execution, Step } from '@/datasources/live';

/** The span the waterfall draws: the run's start to its end, or to now while it runs. */
export interface RunWindow {
  start: number;
  end: number;
}

export function runWindow(execution: Execution, now: number): RunWindow {
  const start = execution.startedAt;
  if (execution.endedAt !== null) {
    let end = execution.endedAt;
    // Clocks disagree: a step reported after the run's end still fits.
    for (const step of execution.steps) end = Math.max(end, step.endedAt ?? step.startedAt ?? end);
    return { start, end: Math.max(end, start + 1) };
  }
  return { start, end: start + runningScaleMs(now - start) };
}

const NICE_STEPS = [1, 2, 5];

/**
 * The span drawn for a running run: its elapsed time plus headroom, rounded up to 1, 2 or 5 × 10ⁿ
 * ms. The scale then stays put for a while instead of shifting every bar on every tick, so only
 * the bars that grow are redrawn; steps reported past it are clipped until the next step up.
 */
export function runningScaleMs(elapsedMs: number): number {
  const wanted = Math.max(1_000, elapsedMs * 1.1);
  const magnitude = 10 ** Math.floor(Math.log10(wanted));
  for (const factor of NICE_STEPS) if (factor * magnitude >= wanted) return factor * magnitude;
  return 10 * magnitude;
}

/**
 * The steps the waterfall shows: each appears when it starts (or is skipped without starting);
 * steps still waiting are only counted.
 */
export function shownSteps(steps: readonly Step[]): { shown: Step[]; waiting: number } {
  const shown = steps.filter((step) => step.status !== 'pending');
  return { shown, waiting: steps.length - shown.length };
}

/** How long a step has run: to its end, or to now while it runs; null before it starts. */
export function stepDurationMs(step: Step, now: number): number | null {
  if (step.startedAt === null) return null;
  return Math.max(0, (step.endedAt ?? now) - step.startedAt);
}

export interface StepBar {
  /** Left edge as a percentage of the window. */
  offsetPct: number;
  widthPct: number;
}

/** Where a step's bar sits in the window; null for a step that has not started. */
export function stepBar(step: Step, window: RunWindow, now: number): StepBar | null {
  if (step.startedAt === null) return null;
  const span = window.end - window.start;
  const from = Math.min(Math.max(step.startedAt, window.start), window.end);
  const to = Math.min(Math.max(step.endedAt ?? now, from), window.end);
  return {
    offsetPct: ((from - window.start) / span) * 100,
    widthPct: ((to - from) / span) * 100,
  };
}

export interface Bottleneck {
  stepId: string;
  durationMs: number;
  /** The step's share of the run's duration, 0–1. */
  share: number;
}

/**
 * The slowest step, and how much of the run it took. Needs two started steps: with one there
 * is nothing to compare. Ties go to the step that started first (the order of `steps`).
 */
export function findBottleneck(
  steps: readonly Step[],
  window: RunWindow,
  now: number,
): Bottleneck | null {
  let slowest: { step: Step; durationMs: number } | null = null;
  let started = 0;
  for (const step of steps) {
    const durationMs = stepDurationMs(step, now);
    if (durationMs === null) continue;
    started += 1;
    if (!slowest || durationMs > slowest.durationMs) slowest = { step, durationMs };
  }
  if (!slowest || started < 2 || slowest.durationMs === 0) return null;
  const runMs = window.end - window.start;
  return {
    stepId: slowest.step.id,
    durationMs: slowest.durationMs,
    share: Math.min(1, slowest.durationMs / runMs),
  };
}

/** "slowest step, 42 % of the run" */
export function bottleneckReason(bottleneck: Bottleneck): string {
  return `slowest step, ${Math.round(bottleneck.share * 100)} % of the run`;
}

export interface ExecutionTotals {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  finishedSteps: number;
}

const FINISHED_STEP = new Set<Step['status']>(['succeeded', 'failed', 'skipped']);

export function executionTotals(steps: readonly Step[]): ExecutionTotals {
  const totals: ExecutionTotals = { inputTokens: 0, outputTokens: 0, costUsd: 0, finishedSteps: 0 };
  for (const step of steps) {
    totals.inputTokens += step.tokens.input;
    totals.outputTokens += step.tokens.output;
    totals.costUsd += step.costUsd;
    if (FINISHED_STEP.has(step.status)) totals.finishedSteps += 1;
  }
  return totals;
}
