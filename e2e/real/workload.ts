import type { ExporterMetrics } from './metrics';

/**
 * A scripted agent platform. Every TICK_MS of its time the same batch of work happens, so
 * every counter and histogram bucket is a fixed multiple of the number of ticks: ratios and
 * quantiles come out exact whatever window Prometheus looks at, and rates are
 * `per tick × TICKS_PER_SECOND`.
 *
 * The first scrape starts its clock (every series at zero there, so increase() over a longer
 * window counts all of it); each later scrape sees every tick due by the moment it is served.
 * Prometheus' scrape loop stalls for up to a few hundred milliseconds on a busy machine, so the
 * exporter stamps each sample with the instant of its last tick rather than leaving Prometheus
 * to stamp the scrape's start: value and timestamp then agree by construction, and rate() over
 * a few seconds is exact.
 */
export const TICK_MS = 10;
export const TICKS_PER_SECOND = 1000 / TICK_MS;
/** Prometheus' scrape interval for the exporter. */
export const SCRAPE_INTERVAL_MS = 1000;

type Mode = 'workflow' | 'interactive' | 'batch';
type TaskBatch = {
  agent: string;
  mode: Mode;
  status: 'success' | 'error' | 'timeout';
  durations: readonly number[];
};

/** 16 tasks a tick, 14 of them successful: 87.5 %. One duration per task. */
export const TASKS_PER_TICK: readonly TaskBatch[] = [
  { agent: 'planner', mode: 'workflow', status: 'success', durations: [0.4, 0.4, 0.4, 0.4, 3, 3] },
  { agent: 'planner', mode: 'workflow', status: 'timeout', durations: [3.5] },
  { agent: 'coder', mode: 'interactive', status: 'success', durations: [1.5, 1.5, 1.5, 1.5, 1.5] },
  { agent: 'coder', mode: 'interactive', status: 'error', durations: [0.3] },
  { agent: 'reviewer', mode: 'batch', status: 'success', durations: [0.8, 0.8, 3.2] },
];

export const ACTIVE_TASKS: Record<Mode, number> = { workflow: 3, interactive: 5, batch: 4 };

/**
 * The trace id an agent response's exemplar names: `7e57` (test), the agent's index, the
 * tick and the request's index within it, as 32 hex digits.
 */
export function exemplarTraceId(agent: string, tick: number, request: number): string {
  const agentIndex = REQUESTS_PER_TICK.findIndex((r) => r.agent === agent);
  return `7e57${hex(agentIndex, 4)}${hex(tick, 16)}${hex(request, 8)}`;
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}

/** 12 requests a tick; one response time per request. The reviewer always takes about 2 s. */
export const REQUESTS_PER_TICK = [
  { agent: 'planner', operation: 'plan', responses: [0.3, 0.3] },
  { agent: 'coder', operation: 'generate', responses: [0.7, 0.7] },
  { agent: 'coder', operation: 'chat', responses: [0.4, 0.4] },
  { agent: 'reviewer', operation: 'review', responses: [1.9, 2.1, 1.9, 2.1, 2, 2] },
] as const;

export const EVENTS_PER_TICK = {
  execution_started: 3,
  execution_completed: 2,
  execution_failed: 1,
} as const;

/** The errors behind the failed tasks above, one per failed task. */
export const ERRORS_PER_TICK = [
  { agent: 'coder', error_type: 'tool_error', count: 1 },
  { agent: 'planner', error_type: 'timeout', count: 1 },
] as const;

/**
 * Started on request: 10 upstream 5xx errors a tick for 2 s (1,000 a second against 100 of each
 * steady type), 2,000 in all, then none.
 */
export const BURST = {
  agent: 'reviewer',
  error_type: 'upstream_5xx',
  perTick: 10,
  ticks: 200,
} as const;

export const TOOL_CALLS_PER_TICK = [
  { agent: 'coder', tool: 'read_file', status: 'success', count: 4 },
  { agent: 'coder', tool: 'run_tests', status: 'success', count: 1 },
  { agent: 'coder', tool: 'run_tests', status: 'error', count: 1 },
  { agent: 'planner', tool: 'search_docs', status: 'success', count: 2 },
] as const;

export const FILE_OPERATIONS_PER_TICK = [
  { operation: 'read', status: 'success', count: 4 },
  { operation: 'write', status: 'success', count: 1 },
  { operation: 'write', status: 'error', count: 1 },
] as const;

/** USD per million tokens; served in the app's config so costs do not depend on its defaults. */
export const PRICES = {
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
  'claude-sonnet-4': { inputPerMTok: 3, outputPerMTok: 15 },
} as const;

export const CPU_PERCENT = { 'agent-host-1': 40, 'agent-host-2': 60 } as const;
export const MEMORY_BYTES = {
  'agent-host-1': 1.5 * 1024 ** 3,
  'agent-host-2': 3 * 1024 ** 3,
} as const;

type GenAiOperation = {
  operation: 'chat' | 'execute_tool';
  model: string;
  provider: string;
  tool: string;
  agent: string;
  errorType: string;
  seconds: number;
  tokens: { input?: number; output?: number };
};

const chat = (
  agent: string,
  model: string,
  provider: string,
  seconds: number,
  tokens: GenAiOperation['tokens'],
  errorType = '',
) =>
  ({
    operation: 'chat',
    model,
    provider,
    tool: '',
    agent,
    errorType,
    seconds,
    tokens,
  }) satisfies GenAiOperation;

/** 6 GenAI operations a tick, 5 of them successful (error_type is "" on success). */
export const GENAI_OPERATIONS_PER_TICK: readonly GenAiOperation[] = [
  chat('planner', 'gpt-4o', 'openai', 0.3, { input: 400, output: 50 }),
  chat('planner', 'gpt-4o', 'openai', 0.3, { input: 400, output: 50 }),
  chat('coder', 'claude-sonnet-4', 'anthropic', 0.5, { input: 1100, output: 60 }),
  {
    operation: 'execute_tool',
    model: '',
    provider: '',
    tool: 'read_file',
    agent: 'coder',
    errorType: '',
    seconds: 0.05,
    tokens: {},
  },
  chat('reviewer', 'claude-sonnet-4', 'anthropic', 2, { input: 600, output: 70 }),
  chat('reviewer', 'gpt-4o', 'openai', 2, { input: 550 }, 'timeout'),
];

type Inc = { inc(value?: number): void };
type Observe = { observe(value: number): void };

/** Drives the metrics in a registry from the script above. */
export class Workload {
  private applied = 0;
  private burst: { from: number; to: number } | null = null;
  private startedAt: number | null = null;
  private readonly apply: Array<(tick: number) => void>;

  constructor(
    metrics: ExporterMetrics,
    private readonly now: () => number = Date.now,
  ) {
    const { aet, genai } = metrics;
    for (const [mode, value] of Object.entries(ACTIVE_TASKS)) aet.activeTasks.set({ mode }, value);
    for (const [instance, value] of Object.entries(CPU_PERCENT)) aet.cpu.set({ instance }, value);
    for (const [instance, value] of Object.entries(MEMORY_BYTES))
      aet.memory.set({ instance }, value);

    // Every series exists at 0 from the first scrape, so increase() sees each one start from zero.
    const counter = (
      c: { labels(l: Record<string, string>): Inc },
      labels: Record<string, string>,
      perTick: number,
    ) => {
      const child = c.labels(labels);
      child.inc(0);
      return () => child.inc(perTick);
    };
    const histogram = (
      h: { labels(l: Record<string, string>): Observe; zero(l: Record<string, string>): void },
      labels: Record<string, string>,
      values: readonly number[],
    ) => {
      h.zero(labels);
      const child = h.labels(labels);
      return () => values.forEach((v) => child.observe(v));
    };

    const burstErrors = aet.errors.labels({ agent: BURST.agent, error_type: BURST.error_type });
    burstErrors.inc(0);

    this.apply = [
      ...TASKS_PER_TICK.flatMap((t) => [
        counter(aet.tasks, { status: t.status, mode: t.mode, agent: t.agent }, t.durations.length),
        histogram(aet.taskDuration, { agent: t.agent, mode: t.mode }, t.durations),
      ]),
      ...REQUESTS_PER_TICK.flatMap((r) => [
        counter(aet.agentRequests, { agent: r.agent, operation: r.operation }, r.responses.length),
        histogram(aet.agentResponse, { agent: r.agent, operation: r.operation }, []),
        (tick: number) =>
          r.responses.forEach((value, i) =>
            aet.agentResponse.observe({
              labels: { agent: r.agent, operation: r.operation },
              value,
              // prom-client's types only allow the metric's own label names here; any name works.
              exemplarLabels: { trace_id: exemplarTraceId(r.agent, tick, i) } as never,
            }),
          ),
      ]),
      ...Object.entries(EVENTS_PER_TICK).map(([event_type, n]) =>
        counter(aet.events, { event_type }, n),
      ),
      ...ERRORS_PER_TICK.map((e) =>
        counter(aet.errors, { agent: e.agent, error_type: e.error_type }, e.count),
      ),
      ...TOOL_CALLS_PER_TICK.map((t) =>
        counter(aet.toolCalls, { agent: t.agent, tool: t.tool, status: t.status }, t.count),
      ),
      ...FILE_OPERATIONS_PER_TICK.map((f) =>
        counter(aet.fileOperations, { operation: f.operation, status: f.status }, f.count),
      ),
      ...GENAI_OPERATIONS_PER_TICK.flatMap((op) => {
        const common = {
          gen_ai_request_model: op.model,
          gen_ai_provider_name: op.provider,
          gen_ai_system: op.provider,
          agent: op.agent,
        };
        const duration = histogram(
          genai.operationDuration,
          {
            ...common,
            gen_ai_operation_name: op.operation,
            gen_ai_tool_name: op.tool,
            error_type: op.errorType,
          },
          [op.seconds],
        );
        const tokens = Object.entries(op.tokens).map(([type, n]) =>
          histogram(genai.tokenUsage, { ...common, gen_ai_token_type: type }, [n]),
        );
        return [duration, ...tokens];
      }),
      (tick) => {
        if (this.burst && tick >= this.burst.from && tick < this.burst.to)
          burstErrors.inc(BURST.perTick);
      },
    ];
  }

  /**
   * Brings the workload up to the scrape arriving now: the first call starts the clock, later
   * ones apply every tick due since. Returns the instant the values belong to (epoch ms), for
   * the exporter to stamp on its samples.
   */
  observeScrape(): number {
    const now = this.now();
    if (this.startedAt === null) {
      this.startedAt = now;
      return now;
    }
    const due = Math.floor((now - this.startedAt) / TICK_MS);
    for (; this.applied < due; this.applied++) {
      for (const step of this.apply) step(this.applied);
    }
    return this.startedAt + this.applied * TICK_MS;
  }

  /**
   * Starts the error burst with the next tick, so the next two scrapes carry it; returns when
   * it starts and ends (epoch ms, on the scrape schedule).
   */
  startBurst(): { startsAt: number; endsAt: number } {
    if (this.startedAt === null)
      throw new Error('the workload has not started: nothing has scraped it yet');
    this.burst = { from: this.applied, to: this.applied + BURST.ticks };
    return {
      startsAt: this.startedAt + this.burst.from * TICK_MS,
      endsAt: this.startedAt + this.burst.to * TICK_MS,
    };
  }

  /** Failed (error or timeout) tasks up to the last scrape: the ground truth for "last 24 h". */
  failedTasks(): number {
    const perTick = TASKS_PER_TICK.filter((t) => t.status !== 'success').reduce(
      (n, t) => n + t.durations.length,
      0,
    );
    return perTick * this.applied;
  }
}
