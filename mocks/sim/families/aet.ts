/** The platform's own metrics (`aet_*`), as its agents and orchestrator would export them. */
import {
  AGENTS,
  APP_PORT,
  ERROR_TYPES,
  EVENT_TYPES,
  FILE_OPERATIONS,
  HOSTS,
  TASK_MODES,
  TASK_STATUSES,
  WORKFLOWS,
  agentIndex,
  instanceLabel,
  modelSpec,
  type AgentSpec,
  type ErrorType,
  type EventType,
} from '../catalog';
import { dailyShape, gaugeNoise } from '../rhythm';
import type { SeriesRegistry } from '../registry';
import {
  LATENCY_FACTOR,
  TASK_EXCESS,
  TASK_OUTCOMES,
  counterEffects,
  counterEffectsOfAgents,
  incidentPressure,
  latencyEffects,
  type PerKind,
} from './effects';

const TASK_BUCKETS = [1, 2.5, 5, 10, 30, 60, 120, 300, 600];
const RESPONSE_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const NO_EXCESS: PerKind = { 'error-spike': 0, slowdown: 0 };
const RETRY_EXCESS: PerKind = { 'error-spike': 0.3, slowdown: 0.1 };
const GIB = 1024 ** 3;

export function addAetFamilies(reg: SeriesRegistry): void {
  describeAet(reg);
  AGENTS.forEach((agent, index) => {
    const job = { job: 'aet', instance: instanceLabel(agent.host, APP_PORT) };
    addTasks(reg, agent, index, job);
    addRequests(reg, agent, index, job);
    addErrors(reg, agent, index, job);
    addToolCalls(reg, agent, index, job);
  });
  HOSTS.forEach((_, host) => addHostMetrics(reg, host));
}

function addTasks(reg: SeriesRegistry, agent: AgentSpec, index: number, job: object): void {
  for (const mode of TASK_MODES) {
    const share = agent.modes[mode];
    if (!share) continue;
    const mean = agent.tasksPerSecond * share;
    const labels = { ...job, agent: agent.name, mode };
    for (const status of TASK_STATUSES) {
      const outcome = TASK_OUTCOMES[status];
      const series = { __name__: 'aet_tasks_total', ...labels, status };
      reg.addCounter(series, {
        mean: mean * outcome.share,
        peakHourUtc: agent.peakHourUtc,
        effects: counterEffects(index, outcome.excess),
      });
    }
    const distribution = { median: agent.taskMedianSeconds, sigma: 0.6 };
    reg.addHistogram('aet_task_duration_seconds', labels, {
      bounds: TASK_BUCKETS,
      mean,
      peakHourUtc: agent.peakHourUtc,
      distribution,
      effects: latencyEffects(index, distribution, TASK_EXCESS),
    });
  }
}

function addRequests(reg: SeriesRegistry, agent: AgentSpec, index: number, job: object): void {
  for (const operation of agent.operations) {
    const labels = { ...job, agent: agent.name, operation: operation.name };
    const mean = agent.tasksPerSecond * operation.perTask;
    const series = { __name__: 'aet_agent_requests_total', ...labels };
    reg.addCounter(series, {
      mean,
      peakHourUtc: agent.peakHourUtc,
      effects: counterEffects(index, RETRY_EXCESS),
    });
    const distribution = { median: operation.medianSeconds, sigma: 0.55 };
    reg.addHistogram('aet_agent_response_seconds', labels, {
      bounds: RESPONSE_BUCKETS,
      mean,
      peakHourUtc: agent.peakHourUtc,
      distribution,
      effects: latencyEffects(index, distribution, RETRY_EXCESS, {
        'error-spike': 1.5,
        slowdown: LATENCY_FACTOR.slowdown,
      }),
    });
  }
}

/** Share of an agent's failures by type; the agent's main provider's error dominates spikes. */
const ERROR_SHARES: Readonly<Record<ErrorType, number>> = {
  RateLimitError: 0.25,
  TimeoutError: 0.25,
  ToolExecutionError: 0.25,
  ValidationError: 0.15,
  ProviderError: 0.1,
};

function addErrors(reg: SeriesRegistry, agent: AgentSpec, index: number, job: object): void {
  const failureShare = TASK_OUTCOMES.error.share + TASK_OUTCOMES.timeout.share;
  const mainModel = agent.operations.find((op) => op.models.length > 0)?.models[0]?.model;
  const spikeType = mainModel ? modelSpec(mainModel).typicalError : 'ToolExecutionError';
  for (const errorType of ERROR_TYPES) {
    const excess: PerKind = {
      'error-spike': errorType === spikeType ? 25 : 1,
      slowdown: errorType === 'TimeoutError' ? 15 : 0.5,
    };
    const series = {
      __name__: 'aet_errors_total',
      ...job,
      agent: agent.name,
      error_type: errorType,
    };
    reg.addCounter(series, {
      mean: agent.tasksPerSecond * failureShare * ERROR_SHARES[errorType],
      peakHourUtc: agent.peakHourUtc,
      effects: counterEffects(index, excess),
    });
  }
}

function addToolCalls(reg: SeriesRegistry, agent: AgentSpec, index: number, job: object): void {
  const perTask = agent.operations.find((op) => op.name === 'tool_call')?.perTask ?? 0.5;
  const perTool = (agent.tasksPerSecond * perTask) / agent.tools.length;
  for (const tool of agent.tools) {
    for (const [status, share, excess] of [
      ['success', 0.97, NO_EXCESS],
      ['error', 0.03, { 'error-spike': 6, slowdown: 2 }],
    ] as const) {
      const series = { __name__: 'aet_tool_calls_total', ...job, agent: agent.name, tool, status };
      reg.addCounter(series, {
        mean: perTool * share,
        peakHourUtc: agent.peakHourUtc,
        effects: counterEffects(index, excess),
      });
    }
  }
}

function addHostMetrics(reg: SeriesRegistry, host: number): void {
  const job = { job: 'aet', instance: instanceLabel(host, APP_PORT) };
  const agents = AGENTS.flatMap((a, i) => (a.host === host ? [i] : []));
  const pressure = { 'error-spike': 0.6, slowdown: 1 };

  for (const mode of TASK_MODES) {
    const key = reg.key(`${host}/active/${mode}`);
    const contributors = agents
      .map((i) => ({ index: i, spec: AGENTS[i]! }))
      .filter(({ spec }) => spec.modes[mode]);
    reg.add({ __name__: 'aet_active_tasks', ...job, mode }, (tSec) => {
      let active = 0;
      for (const { index, spec } of contributors) {
        // Little's law: arrivals × time in system, stretched while the agent is degraded.
        const stretch = 1 + 2 * incidentPressure(reg.schedule, [index], pressure, tSec);
        const arrivals =
          spec.tasksPerSecond * (spec.modes[mode] ?? 0) * dailyShape(tSec, spec.peakHourUtc);
        active += arrivals * spec.taskMedianSeconds * 1.2 * stretch;
      }
      return Math.max(0, Math.round(active * (1 + 0.15 * gaugeNoise(key, tSec))));
    });
  }

  const cpuKey = reg.key(`${host}/cpu`);
  reg.add({ __name__: 'aet_cpu_usage_percent', ...job }, (tSec) => {
    const load = 18 + 30 * dailyShape(tSec) + 5 * gaugeNoise(cpuKey, tSec);
    const spike = 18 * incidentPressure(reg.schedule, agents, pressure, tSec);
    return Math.min(100, Math.max(1, load + spike));
  });
  const memoryKey = reg.key(`${host}/memory`);
  reg.add({ __name__: 'aet_memory_usage_bytes', ...job }, (tSec) => {
    const used = 2.2 + 0.8 * dailyShape(tSec) + 0.25 * gaugeNoise(memoryKey, tSec);
    return Math.round(used * GIB);
  });

  addEvents(reg, host, job, agents);
  addFileOperations(reg, host, job);
}

function addEvents(reg: SeriesRegistry, host: number, job: object, agents: number[]): void {
  const workflows = WORKFLOWS.filter((w) => w.host === host);
  const runs = workflows.reduce((sum, w) => sum + w.runsPerSecond, 0);
  const steps = workflows.reduce((sum, w) => sum + w.runsPerSecond * w.steps.length, 0);
  const stepAgents = [...new Set(workflows.flatMap((w) => w.steps.map(agentIndex)))];
  const invocations = agents.reduce((sum, i) => sum + AGENTS[i]!.tasksPerSecond, 0);
  const failing: PerKind = { 'error-spike': 4, slowdown: 1.5 };
  const rates: Record<EventType, [number, PerKind]> = {
    execution_started: [runs, NO_EXCESS],
    execution_completed: [runs * 0.95, NO_EXCESS],
    execution_failed: [runs * 0.05, failing],
    step_started: [steps, NO_EXCESS],
    step_completed: [steps * 0.97, NO_EXCESS],
    step_failed: [steps * 0.03, failing],
    agent_invoked: [invocations, NO_EXCESS],
  };
  for (const eventType of EVENT_TYPES) {
    const [mean, excess] = rates[eventType];
    if (mean === 0) continue;
    const series = { __name__: 'aet_events_total', ...job, event_type: eventType };
    reg.addCounter(series, {
      mean,
      peakHourUtc: 14,
      effects: counterEffectsOfAgents(stepAgents, excess),
    });
  }
}

function addFileOperations(reg: SeriesRegistry, host: number, job: object): void {
  const perSecond: Record<(typeof FILE_OPERATIONS)[number], number> = {
    read: 3 + host,
    write: 1,
    delete: 0.1,
    list: 0.5,
  };
  for (const operation of FILE_OPERATIONS) {
    for (const [status, share] of [
      ['success', 0.99],
      ['error', 0.01],
    ] as const) {
      const series = { __name__: 'aet_file_operations_total', ...job, operation, status };
      reg.addCounter(series, { mean: perSecond[operation] * share, peakHourUtc: 14 });
    }
  }
}

function describeAet(reg: SeriesRegistry): void {
  reg.describe('aet_tasks_total', 'counter', 'Agent tasks finished, by outcome.');
  reg.describe(
    'aet_task_duration_seconds',
    'histogram',
    'Time from task start to finish.',
    'seconds',
  );
  reg.describe('aet_active_tasks', 'gauge', 'Tasks currently running.');
  reg.describe('aet_agent_requests_total', 'counter', 'Operations an agent performed.');
  reg.describe(
    'aet_agent_response_seconds',
    'histogram',
    'Latency of one agent operation.',
    'seconds',
  );
  reg.describe('aet_cpu_usage_percent', 'gauge', 'CPU used by the platform process, in percent.');
  reg.describe('aet_memory_usage_bytes', 'gauge', 'Memory used by the platform process.', 'bytes');
  reg.describe('aet_events_total', 'counter', 'Orchestrator events by type.');
  reg.describe('aet_file_operations_total', 'counter', 'Workspace file operations by outcome.');
  reg.describe('aet_errors_total', 'counter', 'Agent errors by exception type.');
  reg.describe('aet_tool_calls_total', 'counter', 'MCP tool calls by outcome.');
}
