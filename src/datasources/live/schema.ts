import { z } from 'zod';

/**
 * Wire schemas of the live observability gateway. Every value the live client receives is parsed
 * with one of these; the TypeScript types are inferred from them, and docs/live-protocol.md is
 * generated from them (see scripts/live-protocol/protocolDoc.ts), so code, types and documentation cannot disagree.
 *
 * Timestamps arrive as epoch milliseconds or ISO 8601 strings and are normalised to epoch ms.
 */

/** Frames larger than this are dropped unparsed. */
export const MAX_MESSAGE_BYTES = 512 * 1024;

export const timestampSchema = z
  .union([z.number().nonnegative(), z.iso.datetime({ offset: true })])
  .transform((value) => (typeof value === 'number' ? value : Date.parse(value)));

const count = z.number().int().nonnegative();
const amount = z.number().nonnegative();
const percent = z.number().min(0).max(100);

const seqSchema = count.describe('Per-stream sequence number, increasing by 1 per data message.');
const tsSchema = timestampSchema.describe('When the server produced the message.');
const streamSchema = z
  .string()
  .describe('Optional stream name: `metrics` or `execution:{id}`. A mismatch is dropped.');

export const tokenUsageSchema = z.object({
  provider: z.string().describe('Model provider, e.g. `openai`, `anthropic`.'),
  model: z.string().describe('Model name as reported by the provider.'),
  input: count.describe('Input (prompt) tokens.'),
  output: count.describe('Output (completion) tokens.'),
  costUsd: amount.describe('Cost in US dollars.'),
});

export const metricsSnapshotSchema = z.object({
  agents: z
    .object({ total: count, active: count })
    .describe('Registered agents and those currently running a step.'),
  workflows: z
    .object({ total: count, active: count })
    .describe('Defined workflows and those with a running execution.'),
  executions: z
    .object({ total: count, running: count, completed: count, failed: count })
    .describe('Execution counters since the platform started counting.'),
  successRate: z.number().min(0).max(1).describe('Succeeded / finished executions, 0–1.'),
  avgExecutionMs: amount.describe('Mean duration of finished executions, in milliseconds.'),
  failures24h: count.describe('Failed executions in the last 24 hours.'),
  failures1h: count.describe('Failed executions in the last hour.'),
  runningExecutions: count.describe('Executions running now.'),
  executions5m: count.describe('Executions started in the last 5 minutes.'),
  activeSteps: count.describe('Steps running now, across all executions.'),
  systemLoad: amount.describe('Platform load average (1 minute).'),
  resources: z
    .object({
      cpuPercent: percent.describe('CPU use, 0–100.'),
      memoryPercent: percent.describe('Memory use, 0–100.'),
      ioBytesPerSec: amount.describe('Disk I/O, bytes per second.'),
      networkBytesPerSec: amount.describe('Network traffic, bytes per second.'),
    })
    .describe('Resource usage of the platform hosts.'),
  tokens: z
    .array(tokenUsageSchema)
    .describe('Token usage and cost by provider and model over the reporting window.'),
});

export const stepStatusSchema = z.enum(['pending', 'running', 'succeeded', 'failed', 'skipped']);
export const executionStatusSchema = z.enum([
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
]);

export const stepSchema = z.object({
  id: z.string().min(1).describe('Step id, unique within the execution. Upserts key on it.'),
  name: z.string().describe('Human-readable step name.'),
  agent: z.string().describe('Agent that runs the step.'),
  status: stepStatusSchema,
  startedAt: timestampSchema.nullable().describe('Start time; null while pending.'),
  endedAt: timestampSchema.nullable().describe('End time; null until the step finishes.'),
  tokens: z.object({ input: count, output: count }).describe('Tokens used by the step.'),
  costUsd: amount.describe('Cost of the step in US dollars.'),
  error: z.string().nullable().describe('Error message of a failed step, else null.'),
});

export const executionSchema = z.object({
  id: z.string().min(1).describe('Execution id.'),
  workflow: z.string().describe('Workflow the execution runs.'),
  status: executionStatusSchema,
  startedAt: timestampSchema.describe('When the execution was created.'),
  endedAt: timestampSchema.nullable().describe('When it finished; null while queued or running.'),
  steps: z.array(stepSchema).describe('Every step known so far, in any order.'),
});

export const executionStatusChangeSchema = z.object({
  status: executionStatusSchema,
  endedAt: timestampSchema
    .nullable()
    .optional()
    .describe('End time when the status is terminal; omitted keeps the previous value.'),
});

export const gatewayErrorSchema = z.object({
  code: z.string().describe('Machine-readable code, e.g. `not_found`, `overloaded`.'),
  message: z.string().describe('Human-readable explanation, shown to the user.'),
});

function dataMessage<T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.object({
    type: z.literal(type).describe('Message type.'),
    seq: seqSchema,
    ts: tsSchema,
    stream: streamSchema.optional(),
    data: data.describe('Payload.'),
  });
}

export const metricsSnapshotMessageSchema = dataMessage('metrics.snapshot', metricsSnapshotSchema);
export const executionSnapshotMessageSchema = dataMessage('execution.snapshot', executionSchema);
export const executionStepMessageSchema = dataMessage('execution.step', stepSchema);
export const executionStatusMessageSchema = dataMessage(
  'execution.status',
  executionStatusChangeSchema,
);

export const pongMessageSchema = z.object({
  type: z.literal('pong'),
  seq: count.optional().describe('Ignored: control messages take no part in ordering.'),
  ts: tsSchema.optional(),
  stream: streamSchema.optional(),
  data: z
    .object({ ts: timestampSchema.optional().describe('The `ts` of the ping it answers.') })
    .optional(),
});

export const errorMessageSchema = z.object({
  type: z.literal('error'),
  seq: count.optional().describe('Ignored: control messages take no part in ordering.'),
  ts: tsSchema.optional(),
  stream: streamSchema.optional(),
  data: gatewayErrorSchema,
});

export const serverMessageSchema = z.discriminatedUnion('type', [
  metricsSnapshotMessageSchema,
  executionSnapshotMessageSchema,
  executionStepMessageSchema,
  executionStatusMessageSchema,
  pongMessageSchema,
  errorMessageSchema,
]);

export const pingMessageSchema = z.object({
  type: z.literal('ping'),
  seq: count.describe("The client's own ping counter."),
  ts: tsSchema,
  data: z.object({ ts: timestampSchema.describe('Echoed back in the pong.') }),
});

export const clientMessageSchema = pingMessageSchema;

/** REST snapshot envelope: `seq` is the stream position the snapshot reflects. */
function restSnapshot<D extends z.ZodType>(data: D) {
  return z.object({
    seq: count.describe('Seq of the last stream message reflected in this snapshot.'),
    ts: tsSchema,
    data,
  });
}

export const overviewResponseSchema = restSnapshot(metricsSnapshotSchema);
export const executionResponseSchema = restSnapshot(executionSchema);

export const executionSummarySchema = z.object({
  id: z.string().min(1),
  workflow: z.string(),
  status: executionStatusSchema,
  startedAt: timestampSchema,
  endedAt: timestampSchema.nullable(),
  durationMs: amount.nullable().describe('endedAt − startedAt; null while unfinished.'),
  stepCount: count,
  tokens: z.object({ input: count, output: count }),
  costUsd: amount,
});

export const executionListResponseSchema = z.object({
  ts: tsSchema,
  data: z.array(executionSummarySchema).describe('Most recent executions first.'),
});

export const traceSummarySchema = z.object({
  traceId: z.string().min(1),
  executionId: z.string().nullable().describe('Execution the trace belongs to, if any.'),
  rootName: z.string().describe('Name of the root span.'),
  service: z.string().describe('Service of the root span.'),
  startedAt: timestampSchema,
  durationMs: amount,
  spanCount: count,
  errorCount: count,
});

export const traceListResponseSchema = z.object({
  ts: tsSchema,
  data: z.array(traceSummarySchema).describe('Most recent traces first.'),
});

export type TokenUsage = z.infer<typeof tokenUsageSchema>;
export type MetricsSnapshot = z.infer<typeof metricsSnapshotSchema>;
export type StepStatus = z.infer<typeof stepStatusSchema>;
export type ExecutionStatus = z.infer<typeof executionStatusSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Execution = z.infer<typeof executionSchema>;
export type ExecutionStatusChange = z.infer<typeof executionStatusChangeSchema>;
export type GatewayError = z.infer<typeof gatewayErrorSchema>;
export type MetricsSnapshotMessage = z.infer<typeof metricsSnapshotMessageSchema>;
export type ExecutionSnapshotMessage = z.infer<typeof executionSnapshotMessageSchema>;
export type ExecutionStepMessage = z.infer<typeof executionStepMessageSchema>;
export type ExecutionStatusMessage = z.infer<typeof executionStatusMessageSchema>;
export type PongMessage = z.infer<typeof pongMessageSchema>;
export type ErrorMessage = z.infer<typeof errorMessageSchema>;
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type PingMessage = z.infer<typeof pingMessageSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type OverviewResponse = z.infer<typeof overviewResponseSchema>;
export type ExecutionResponse = z.infer<typeof executionResponseSchema>;
export type ExecutionSummary = z.infer<typeof executionSummarySchema>;
export type ExecutionListResponse = z.infer<typeof executionListResponseSchema>;
export type TraceSummary = z.infer<typeof traceSummarySchema>;
export type TraceListResponse = z.infer<typeof traceListResponseSchema>;

/** Wire form (before timestamp normalisation), for servers and mocks that produce messages. */
export type ServerMessageInput = z.input<typeof serverMessageSchema>;
export type StepInput = z.input<typeof stepSchema>;
export type ExecutionInput = z.input<typeof executionSchema>;
export type MetricsSnapshotInput = z.input<typeof metricsSnapshotSchema>;
export type ExecutionSummaryInput = z.input<typeof executionSummarySchema>;
export type TraceSummaryInput = z.input<typeof traceSummarySchema>;

export const TERMINAL_EXECUTION_STATUSES: ReadonlySet<ExecutionStatus> = new Set([
  'succeeded',
  'failed',
  'cancelled',
]);
