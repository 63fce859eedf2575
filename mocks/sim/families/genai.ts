/**
 * OpenTelemetry GenAI client metrics as the OTel Collector's Prometheus exporter writes them:
 * attribute dots become underscores and `error.type` appears only on failed calls.
 */
import { AGENTS, APP_PORT, instanceLabel, modelSpec, type AgentSpec } from '../catalog';
import type { LogNormal } from '../distribution';
import type { SeriesRegistry } from '../registry';
import { latencyEffects, type PerKind } from './effects';

/** Bucket boundaries recommended by the GenAI semantic conventions. */
const DURATION_BUCKETS = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];
const TOKEN_BUCKETS = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
];

/** Median prompt and completion sizes for one chat call, per agent. */
const CHAT_TOKENS: Readonly<Record<string, { input: number; output: number }>> = {
  planner: { input: 1800, output: 420 },
  researcher: { input: 6000, output: 900 },
  coder: { input: 6000, output: 1000 },
  reviewer: { input: 5000, output: 350 },
  summarizer: { input: 8000, output: 600 },
  'support-bot': { input: 900, output: 220 },
};
const EMBEDDING_INPUT_TOKENS = 350;

interface ModelCall {
  readonly operation: 'chat' | 'embeddings';
  readonly model: string;
  readonly callsPerSecond: number;
  readonly medianSeconds: number;
}

/** An agent's model calls merged by (GenAI operation, model): plan and chat are both `chat`. */
export function modelCalls(agent: AgentSpec): ModelCall[] {
  const calls = new Map<string, ModelCall>();
  for (const op of agent.operations) {
    const operation = op.name === 'embed' ? 'embeddings' : 'chat';
    for (const { model, share } of op.models) {
      const rate = agent.tasksPerSecond * op.perTask * share;
      const previous = calls.get(`${operation}/${model}`);
      const total = (previous?.callsPerSecond ?? 0) + rate;
      const median = previous
        ? (previous.medianSeconds * previous.callsPerSecond + op.medianSeconds * rate) / total
        : op.medianSeconds;
      calls.set(`${operation}/${model}`, {
        operation,
        model,
        callsPerSecond: total,
        medianSeconds: median,
      });
    }
  }
  return [...calls.values()];
}

const SUCCESS_SHARE = 0.985;
const NO_EXCESS: PerKind = { 'error-spike': 0, slowdown: 0 };

export function addGenAiFamilies(reg: SeriesRegistry): void {
  reg.describe(
    'gen_ai_client_operation_duration_seconds',
    'histogram',
    'GenAI operation duration.',
    'seconds',
  );
  reg.describe(
    'gen_ai_client_token_usage',
    'histogram',
    'Measures number of input and output tokens used.',
    '{token}',
  );

  AGENTS.forEach((agent, index) => {
    for (const call of modelCalls(agent)) {
      const spec = modelSpec(call.model);
      const labels = {
        job: 'aet',
        instance: instanceLabel(agent.host, APP_PORT),
        agent: agent.name,
        gen_ai_operation_name: call.operation,
        gen_ai_request_model: call.model,
        gen_ai_provider_name: spec.provider,
        gen_ai_system: spec.provider,
      };
      addDurations(reg, index, agent, call, labels, spec.typicalError);
      addTokens(reg, agent, call, labels);
    }
  });
}

function addDurations(
  reg: SeriesRegistry,
  index: number,
  agent: AgentSpec,
  call: ModelCall,
  labels: Record<string, string>,
  typicalError: string,
): void {
  const name = 'gen_ai_client_operation_duration_seconds';
  const ok: LogNormal = { median: call.medianSeconds, sigma: 0.5 };
  reg.addHistogram(name, labels, {
    bounds: DURATION_BUCKETS,
    mean: call.callsPerSecond * SUCCESS_SHARE,
    peakHourUtc: agent.peakHourUtc,
    distribution: ok,
    effects: latencyEffects(index, ok, NO_EXCESS),
  });
  // Rejected calls fail fast; timed-out calls fail at the client's 30 s deadline.
  const failures: { errorType: string; share: number; dist: LogNormal; excess: PerKind }[] = [
    {
      errorType: typicalError,
      share: 0.01,
      dist: { median: call.medianSeconds * 0.4, sigma: 0.8 },
      excess: { 'error-spike': 20, slowdown: 2 },
    },
  ];
  if (typicalError !== 'TimeoutError') {
    failures.push({
      errorType: 'TimeoutError',
      share: 0.005,
      dist: { median: 30, sigma: 0.08 },
      excess: { 'error-spike': 1, slowdown: 20 },
    });
  }
  for (const failure of failures) {
    reg.addHistogram(
      name,
      { ...labels, error_type: failure.errorType },
      {
        bounds: DURATION_BUCKETS,
        mean: call.callsPerSecond * failure.share,
        peakHourUtc: agent.peakHourUtc,
        distribution: failure.dist,
        effects: latencyEffects(index, failure.dist, failure.excess, {
          'error-spike': 1,
          slowdown: 1,
        }),
      },
    );
  }
}

function addTokens(
  reg: SeriesRegistry,
  agent: AgentSpec,
  call: ModelCall,
  labels: Record<string, string>,
): void {
  const sizes =
    call.operation === 'embeddings'
      ? { input: EMBEDDING_INPUT_TOKENS }
      : (CHAT_TOKENS[agent.name] ?? { input: 1000, output: 300 });
  for (const [tokenType, median] of Object.entries(sizes)) {
    reg.addHistogram(
      'gen_ai_client_token_usage',
      { ...labels, gen_ai_token_type: tokenType },
      {
        bounds: TOKEN_BUCKETS,
        mean: call.callsPerSecond * SUCCESS_SHARE,
        peakHourUtc: agent.peakHourUtc,
        distribution: { median, sigma: 0.9 },
      },
    );
  }
}
