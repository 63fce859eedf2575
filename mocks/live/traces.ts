/**
 * Traces of the simulated executions: a summary list and one trace per execution as OTLP/JSON,
 * with GenAI semantic-convention attributes on the agent spans. The execution index is encoded
 * in the trace id so a trace can be found again without a lookup table.
 */
import type { TraceSummaryInput } from '@/datasources/live/schema';
import { hexId } from '@mocks/sim/random';
import type { ExecutionPlan, Platform } from './platform';

const SERVICE = 'agent-platform';
const INDEX_DIGITS = 12;

export function traceIdOf(plan: ExecutionPlan, seed: number): string {
  return (
    plan.index.toString(16).padStart(INDEX_DIGITS, '0') + hexId(seed, plan.index, 32 - INDEX_DIGITS)
  );
}

export function executionIndexOfTrace(traceId: string): number | null {
  if (!/^[0-9a-f]{32}$/.test(traceId)) return null;
  return Number.parseInt(traceId.slice(0, INDEX_DIGITS), 16);
}

function spansUntil(plan: ExecutionPlan, tMs: number) {
  return plan.ranSteps.filter((step) => step.startAt <= tMs);
}

function failedStepId(plan: ExecutionPlan, tMs: number): string | null {
  if (plan.outcome !== 'failed' || plan.endedAt > tMs) return null;
  return plan.ranSteps.at(-1)?.id ?? null;
}

export function traceSummaryAt(plan: ExecutionPlan, tMs: number, seed: number): TraceSummaryInput {
  return {
    traceId: traceIdOf(plan, seed),
    executionId: plan.id,
    rootName: `workflow ${plan.workflow}`,
    service: SERVICE,
    startedAt: plan.startedAt,
    durationMs: Math.min(plan.endedAt, tMs) - plan.startedAt,
    spanCount: 1 + spansUntil(plan, tMs).length,
    errorCount: failedStepId(plan, tMs) ? 2 : 0,
  };
}

const nanos = (ms: number) => `${BigInt(Math.round(ms)) * 1_000_000n}`;
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: String(value) } });

/** OTLP/JSON (as in `resourceSpans` exports) of one execution up to tMs. */
export function otlpTraceAt(platform: Platform, plan: ExecutionPlan, tMs: number, seed: number) {
  const traceId = traceIdOf(plan, seed);
  const rootSpanId = hexId(seed ^ 0x5a5a, plan.index, 16);
  const failedId = failedStepId(plan, tMs);
  const state = platform.stateAt(plan, tMs);
  const stepSpans = spansUntil(plan, tMs).map((step, i) => {
    const endMs = Math.min(step.endAt, tMs);
    const failed = step.id === failedId;
    return {
      traceId,
      spanId: hexId(seed ^ 0x1234, plan.index * 16 + i, 16),
      parentSpanId: rootSpanId,
      name: `invoke_agent ${step.agent}`,
      kind: 3,
      startTimeUnixNano: nanos(step.startAt),
      endTimeUnixNano: nanos(endMs),
      attributes: [
        str('gen_ai.operation.name', 'chat'),
        str('gen_ai.agent.name', step.agent),
        str('gen_ai.provider.name', step.model.provider),
        str('gen_ai.request.model', step.model.name),
        int('gen_ai.usage.input_tokens', step.tokens.input),
        int('gen_ai.usage.output_tokens', endMs < step.endAt ? 0 : step.tokens.output),
        str('workflow.step.id', step.id),
      ],
      status: failed ? { code: 2, message: 'step failed' } : { code: 1 },
    };
  });
  const root = {
    traceId,
    spanId: rootSpanId,
    name: `workflow ${plan.workflow}`,
    kind: 1,
    startTimeUnixNano: nanos(plan.startedAt),
    endTimeUnixNano: nanos(Math.min(plan.endedAt, tMs)),
    attributes: [
      str('workflow.name', plan.workflow),
      str('workflow.execution.id', plan.id),
      str('workflow.execution.status', state?.execution.status ?? 'queued'),
    ],
    status: failedId ? { code: 2, message: 'workflow failed' } : { code: 1 },
  };
  return {
    resourceSpans: [
      {
        resource: { attributes: [str('service.name', SERVICE)] },
        scopeSpans: [{ scope: { name: 'agent-platform.workflows' }, spans: [root, ...stepSpans] }],
      },
    ],
  };
}
