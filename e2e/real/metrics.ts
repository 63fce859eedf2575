import { Counter, Gauge, Histogram, Registry, type OpenMetricsContentType } from 'prom-client';

/** Task duration buckets (s), laid out so the p95 of the scripted tasks is an exact 3.6 s. */
export const TASK_DURATION_BUCKETS = [0.5, 1, 2, 4, 8, 16];
/** Agent response buckets (s), laid out so every agent's p95 is a round number. */
export const AGENT_RESPONSE_BUCKETS = [0.1, 0.2, 0.6, 1, 3, 6, 10];
/** The OpenTelemetry GenAI semantic conventions' advisory buckets. */
export const GENAI_DURATION_BUCKETS = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];
export const GENAI_TOKEN_BUCKETS = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
];

export type AetMetrics = ReturnType<typeof createAetMetrics>;
export type GenAiMetrics = ReturnType<typeof createGenAiMetrics>;
export type ExporterMetrics = {
  registry: Registry<OpenMetricsContentType>;
  aet: AetMetrics;
  genai: GenAiMetrics;
};

function createAetMetrics(registry: Registry<OpenMetricsContentType>) {
  const registers = [registry];
  return {
    tasks: new Counter({
      name: 'aet_tasks_total',
      help: 'Tasks by final status',
      labelNames: ['status', 'mode', 'agent'],
      registers,
    }),
    taskDuration: new Histogram({
      name: 'aet_task_duration_seconds',
      help: 'Task duration',
      labelNames: ['agent', 'mode'],
      buckets: TASK_DURATION_BUCKETS,
      registers,
    }),
    activeTasks: new Gauge({
      name: 'aet_active_tasks',
      help: 'Tasks running now',
      labelNames: ['mode'],
      registers,
    }),
    agentRequests: new Counter({
      name: 'aet_agent_requests_total',
      help: 'Requests handled by agents',
      labelNames: ['agent', 'operation'],
      registers,
    }),
    agentResponse: new Histogram({
      name: 'aet_agent_response_seconds',
      help: 'Agent response time',
      labelNames: ['agent', 'operation'],
      buckets: AGENT_RESPONSE_BUCKETS,
      // Each bucket carries the trace of its latest request (OpenMetrics exemplars).
      enableExemplars: true,
      registers,
    }),
    cpu: new Gauge({
      name: 'aet_cpu_usage_percent',
      help: 'CPU use, 0–100',
      labelNames: ['instance'],
      registers,
    }),
    memory: new Gauge({
      name: 'aet_memory_usage_bytes',
      help: 'Resident memory',
      labelNames: ['instance'],
      registers,
    }),
    events: new Counter({
      name: 'aet_events_total',
      help: 'Execution lifecycle events',
      labelNames: ['event_type'],
      registers,
    }),
    errors: new Counter({
      name: 'aet_errors_total',
      help: 'Errors by agent and type',
      labelNames: ['agent', 'error_type'],
      registers,
    }),
    toolCalls: new Counter({
      name: 'aet_tool_calls_total',
      help: 'Tool (MCP) calls',
      labelNames: ['agent', 'tool', 'status'],
      registers,
    }),
    fileOperations: new Counter({
      name: 'aet_file_operations_total',
      help: 'File operations',
      labelNames: ['operation', 'status'],
      registers,
    }),
  };
}

function createGenAiMetrics(registry: Registry<OpenMetricsContentType>) {
  const registers = [registry];
  return {
    operationDuration: new Histogram({
      name: 'gen_ai_client_operation_duration_seconds',
      help: 'GenAI operation duration',
      labelNames: [
        'gen_ai_operation_name',
        'gen_ai_request_model',
        'gen_ai_provider_name',
        'gen_ai_system',
        'gen_ai_tool_name',
        'agent',
        'error_type',
      ],
      buckets: GENAI_DURATION_BUCKETS,
      registers,
    }),
    tokenUsage: new Histogram({
      name: 'gen_ai_client_token_usage',
      help: 'Tokens used per GenAI operation',
      labelNames: [
        'gen_ai_token_type',
        'gen_ai_request_model',
        'gen_ai_provider_name',
        'gen_ai_system',
        'agent',
      ],
      buckets: GENAI_TOKEN_BUCKETS,
      registers,
    }),
  };
}

/**
 * A fresh registry holding the `aet_*` and `gen_ai_*` metrics, and nothing else. It speaks
 * OpenMetrics, the exposition format that carries exemplars.
 */
export function createExporterMetrics(): ExporterMetrics {
  const registry = new Registry<OpenMetricsContentType>();
  registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  return { registry, aet: createAetMetrics(registry), genai: createGenAiMetrics(registry) };
}
