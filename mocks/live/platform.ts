/**
 * Workflow executions of the simulated platform. Execution k starts in slot k (one slot per
 * `spacingMs`); everything about it — workflow, step timings, tokens, failure — is a pure
 * function of (seed, k), so any instant can be evaluated in any order and the REST snapshots,
 * the WebSocket pushes and the metrics always agree.
 */
import type {
  ExecutionInput,
  ExecutionStatus,
  ExecutionSummaryInput,
  StepInput,
} from '@/datasources/live/schema';
import { catalog } from '@mocks/sim';
import { hash2, unitHash } from '@mocks/sim/random';

export interface PlatformOptions {
  seed: number;
  /** Mean time between two executions starting. */
  spacingMs: number;
  /** Multiplies every step duration (1 = the catalog's median task times). */
  stepScale: number;
  /** Whether an agent has an error-spike incident in progress. */
  incidentAt: (agent: string, tMs: number) => boolean;
}

/** One change to an execution, as the gateway pushes it. */
export type ExecutionEvent =
  | { at: number; type: 'execution.step'; data: StepInput }
  | {
      at: number;
      type: 'execution.status';
      data: { status: ExecutionStatus; endedAt: number | null };
    };

interface StepPlan {
  id: string;
  name: string;
  agent: string;
  model: catalog.ModelSpec;
  startAt: number;
  endAt: number;
  tokens: { input: number; output: number };
  costUsd: number;
}

export interface ExecutionPlan {
  index: number;
  id: string;
  workflow: string;
  startedAt: number;
  endedAt: number;
  outcome: 'succeeded' | 'failed' | 'cancelled';
  steps: StepPlan[];
  /** Steps that actually ran (the rest were skipped after a failure or cancellation). */
  ranSteps: StepPlan[];
  /** Every change after creation, in time order; event i carries seq i + 1. */
  events: ExecutionEvent[];
}

const STEP_NAMES: Record<string, string> = {
  planner: 'Plan the work',
  researcher: 'Research sources',
  coder: 'Write the change',
  reviewer: 'Review the change',
  summarizer: 'Summarize findings',
  'support-bot': 'Draft the reply',
};

const ERRORS: Record<catalog.ErrorType, string> = {
  RateLimitError: 'RateLimitError: provider returned 429 after 3 retries',
  TimeoutError: 'TimeoutError: model did not answer within 60 s',
  ToolExecutionError: 'ToolExecutionError: tool exited with status 1',
  ValidationError: 'ValidationError: model output did not match the expected schema',
  ProviderError: 'ProviderError: upstream returned 503 Service Unavailable',
};

const BASE_FAILURE_RATE = 0.04;
const INCIDENT_FAILURE_RATE = 0.45;
const CANCEL_RATE = 0.01;
const PLAN_CACHE_SIZE = 4_096;

export const EXECUTION_ID_PREFIX = 'exec-';

export function executionId(index: number): string {
  return `${EXECUTION_ID_PREFIX}${index}`;
}

export function executionIndex(id: string): number | null {
  if (!id.startsWith(EXECUTION_ID_PREFIX)) return null;
  const index = Number(id.slice(EXECUTION_ID_PREFIX.length));
  return Number.isSafeInteger(index) && index >= 0 ? index : null;
}

function pickWorkflow(key: number, index: number): catalog.WorkflowSpec {
  const total = catalog.WORKFLOWS.reduce((sum, workflow) => sum + workflow.runsPerSecond, 0);
  let u = unitHash(key, index) * total;
  for (const workflow of catalog.WORKFLOWS) {
    u -= workflow.runsPerSecond;
    if (u < 0) return workflow;
  }
  return catalog.WORKFLOWS[0]!;
}

function agentModel(agent: catalog.AgentSpec | undefined): catalog.ModelSpec {
  const chat = agent?.operations.find((operation) => operation.models.length > 0);
  return catalog.modelSpec(chat?.models[0]?.model ?? 'gpt-4o-mini');
}

function stepCost(model: catalog.ModelSpec, tokens: { input: number; output: number }): number {
  const usd =
    (tokens.input * model.usdPerMillionInputTokens +
      tokens.output * model.usdPerMillionOutputTokens) /
    1e6;
  return Math.round(usd * 1e6) / 1e6;
}

function stepInput(
  plan: StepPlan,
  status: StepInput['status'],
  fields: Partial<StepInput> = {},
): StepInput {
  return {
    id: plan.id,
    name: plan.name,
    agent: plan.agent,
    status,
    startedAt: null,
    endedAt: null,
    tokens: { input: 0, output: 0 },
    costUsd: 0,
    error: null,
    ...fields,
  };
}

function buildPlan(options: PlatformOptions, index: number): ExecutionPlan {
  const key = hash2(options.seed, 0x11fe);
  const r = (salt: number) => unitHash(key, index * 64 + salt);
  const workflow = pickWorkflow(key, index * 64 + 63);
  const startedAt = Math.floor(index * options.spacingMs + r(0) * options.spacingMs * 0.8);
  const runningAt = startedAt + Math.round((200 + r(1) * 1_300) * options.stepScale);
  let cursor = runningAt;
  const steps: StepPlan[] = workflow.steps.map((agentName, i) => {
    const agent = catalog.AGENTS.find((spec) => spec.name === agentName);
    const median = (agent?.taskMedianSeconds ?? 10) * 1_000 * options.stepScale;
    const startAt = cursor + Math.round(r(2 + i * 4) * 300 * options.stepScale);
    const endAt = startAt + Math.max(1, Math.round(median * (0.5 + r(3 + i * 4))));
    cursor = endAt;
    const model = agentModel(agent);
    const tokens = {
      input: Math.round(400 + r(4 + i * 4) * 6_000),
      output: Math.round(80 + r(5 + i * 4) * 1_400),
    };
    return {
      id: `step-${i + 1}`,
      name: STEP_NAMES[agentName] ?? `Run ${agentName}`,
      agent: agentName,
      model,
      startAt,
      endAt,
      tokens,
      costUsd: stepCost(model, tokens),
    };
  });

  const events: ExecutionEvent[] = [
    { at: runningAt, type: 'execution.status', data: { status: 'running', endedAt: null } },
  ];
  let outcome: ExecutionPlan['outcome'] = 'succeeded';
  let endedAt = cursor;
  const ranSteps: StepPlan[] = [];
  const cancelled = r(60) < CANCEL_RATE;
  for (const [i, step] of steps.entries()) {
    ranSteps.push(step);
    const failureRate = options.incidentAt(step.agent, step.startAt)
      ? INCIDENT_FAILURE_RATE
      : BASE_FAILURE_RATE;
    const half = { input: step.tokens.input, output: Math.round(step.tokens.output / 2) };
    events.push({
      at: step.startAt,
      type: 'execution.step',
      data: stepInput(step, 'running', {
        startedAt: step.startAt,
        tokens: { input: step.tokens.input, output: 0 },
      }),
    });
    events.push({
      at: Math.round((step.startAt + step.endAt) / 2),
      type: 'execution.step',
      data: stepInput(step, 'running', {
        startedAt: step.startAt,
        tokens: half,
        costUsd: stepCost(step.model, half),
      }),
    });
    if (cancelled && i === steps.length - 1) {
      outcome = 'cancelled';
      endedAt = step.endAt;
      events.push({
        at: endedAt,
        type: 'execution.step',
        data: stepInput(step, 'skipped', {
          startedAt: step.startAt,
          endedAt,
          tokens: half,
          costUsd: stepCost(step.model, half),
          error: 'Cancelled by user',
        }),
      });
      break;
    }
    if (r(6 + i * 4) < failureRate) {
      outcome = 'failed';
      endedAt = step.endAt;
      events.push({
        at: endedAt,
        type: 'execution.step',
        data: stepInput(step, 'failed', {
          startedAt: step.startAt,
          endedAt,
          tokens: step.tokens,
          costUsd: step.costUsd,
          error: ERRORS[step.model.typicalError],
        }),
      });
      break;
    }
    events.push({
      at: step.endAt,
      type: 'execution.step',
      data: stepInput(step, 'succeeded', {
        startedAt: step.startAt,
        endedAt: step.endAt,
        tokens: step.tokens,
        costUsd: step.costUsd,
      }),
    });
  }
  for (const step of steps.slice(ranSteps.length)) {
    events.push({
      at: endedAt,
      type: 'execution.step',
      data: stepInput(step, 'skipped', { endedAt }),
    });
  }
  events.push({ at: endedAt, type: 'execution.status', data: { status: outcome, endedAt } });
  events.sort((a, b) => a.at - b.at);
  return {
    index,
    id: executionId(index),
    workflow: workflow.name,
    startedAt,
    endedAt,
    outcome,
    steps,
    ranSteps,
    events,
  };
}

export interface ExecutionState {
  seq: number;
  execution: ExecutionInput;
}

export interface Platform {
  readonly options: PlatformOptions;
  plan(index: number): ExecutionPlan;
  /** Executions started at or before tMs, newest first. */
  recent(tMs: number, limit: number): ExecutionPlan[];
  /** Executions started in [fromMs, toMs]. */
  startedBetween(fromMs: number, toMs: number): ExecutionPlan[];
  /** The execution as of tMs, or null if it has not started. */
  stateAt(plan: ExecutionPlan, tMs: number): ExecutionState | null;
  summaryAt(plan: ExecutionPlan, tMs: number): ExecutionSummaryInput;
}

export function createPlatform(options: PlatformOptions): Platform {
  const cache = new Map<number, ExecutionPlan>();

  function plan(index: number): ExecutionPlan {
    const cached = cache.get(index);
    if (cached) return cached;
    const built = buildPlan(options, index);
    if (cache.size >= PLAN_CACHE_SIZE) cache.delete(cache.keys().next().value as number);
    cache.set(index, built);
    return built;
  }

  function stateAt(executionPlan: ExecutionPlan, tMs: number): ExecutionState | null {
    if (tMs < executionPlan.startedAt) return null;
    const steps = new Map(executionPlan.steps.map((step) => [step.id, stepInput(step, 'pending')]));
    let status: ExecutionStatus = 'queued';
    let endedAt: number | null = null;
    let seq = 0;
    for (const event of executionPlan.events) {
      if (event.at > tMs) break;
      seq += 1;
      if (event.type === 'execution.step') steps.set(event.data.id, event.data);
      else ({ status, endedAt } = event.data);
    }
    const { id, workflow, startedAt } = executionPlan;
    return {
      seq,
      execution: { id, workflow, status, startedAt, endedAt, steps: [...steps.values()] },
    };
  }

  return {
    options,
    plan,
    recent(tMs, limit) {
      const out: ExecutionPlan[] = [];
      for (
        let index = Math.floor(tMs / options.spacingMs);
        index >= 0 && out.length < limit;
        index -= 1
      ) {
        const candidate = plan(index);
        if (candidate.startedAt <= tMs) out.push(candidate);
      }
      return out;
    },
    startedBetween(fromMs, toMs) {
      const out: ExecutionPlan[] = [];
      const first = Math.max(0, Math.floor(fromMs / options.spacingMs));
      for (let index = first; index <= Math.floor(toMs / options.spacingMs); index += 1) {
        const candidate = plan(index);
        if (candidate.startedAt >= fromMs && candidate.startedAt <= toMs) out.push(candidate);
      }
      return out;
    },
    stateAt,
    summaryAt(executionPlan, tMs) {
      const state = stateAt(executionPlan, tMs);
      const execution = state?.execution;
      const steps = execution?.steps ?? [];
      const endedAt = execution?.endedAt ?? null;
      return {
        id: executionPlan.id,
        workflow: executionPlan.workflow,
        status: execution?.status ?? 'queued',
        startedAt: executionPlan.startedAt,
        endedAt,
        durationMs: typeof endedAt === 'number' ? endedAt - executionPlan.startedAt : null,
        stepCount: steps.length,
        tokens: {
          input: steps.reduce((sum, step) => sum + step.tokens.input, 0),
          output: steps.reduce((sum, step) => sum + step.tokens.output, 0),
        },
        costUsd: Math.round(steps.reduce((sum, step) => sum + step.costUsd, 0) * 1e6) / 1e6,
      };
    },
  };
}
