/**
 * The simulated platform's fixed inventory: hosts, agents, models, tools, workflows. Rates are
 * means at a daily shape of 1; the simulator adds the daily rhythm, noise and incidents.
 */

export type TaskMode = 'interactive' | 'workflow' | 'batch';
export type TaskStatus = 'success' | 'error' | 'timeout';
export type AgentOperation = 'chat' | 'plan' | 'embed' | 'tool_call';
export type GenAiOperation = 'chat' | 'embeddings';
export type ErrorType =
  'RateLimitError' | 'TimeoutError' | 'ToolExecutionError' | 'ValidationError' | 'ProviderError';

export const TASK_MODES: readonly TaskMode[] = ['interactive', 'workflow', 'batch'];
export const TASK_STATUSES: readonly TaskStatus[] = ['success', 'error', 'timeout'];
export const ERROR_TYPES: readonly ErrorType[] = [
  'RateLimitError',
  'TimeoutError',
  'ToolExecutionError',
  'ValidationError',
  'ProviderError',
];

export interface HostSpec {
  readonly name: string;
  readonly cpus: number;
  readonly memoryBytes: number;
  readonly diskBytes: number;
}

const GIB = 1024 ** 3;
export const HOSTS: readonly HostSpec[] = [
  { name: 'aet-worker-1', cpus: 4, memoryBytes: 16 * GIB, diskBytes: 200e9 },
  { name: 'aet-worker-2', cpus: 4, memoryBytes: 16 * GIB, diskBytes: 200e9 },
  { name: 'aet-worker-3', cpus: 4, memoryBytes: 32 * GIB, diskBytes: 500e9 },
];
/** The host whose data disk fills up, so a "disk full in N h" forecast has something to show. */
export const FILLING_DISK_HOST = 2;
export const APP_PORT = 9464;
export const NODE_EXPORTER_PORT = 9100;

export interface ModelSpec {
  readonly name: string;
  readonly provider: string;
  /** The error a failing call to this provider raises most often. */
  readonly typicalError: ErrorType;
  readonly usdPerMillionInputTokens: number;
  readonly usdPerMillionOutputTokens: number;
}

export const MODELS: readonly ModelSpec[] = [
  {
    name: 'gpt-4o',
    provider: 'openai',
    typicalError: 'RateLimitError',
    usdPerMillionInputTokens: 2.5,
    usdPerMillionOutputTokens: 10,
  },
  {
    name: 'gpt-4o-mini',
    provider: 'openai',
    typicalError: 'RateLimitError',
    usdPerMillionInputTokens: 0.15,
    usdPerMillionOutputTokens: 0.6,
  },
  {
    name: 'claude-sonnet-4',
    provider: 'anthropic',
    typicalError: 'ProviderError',
    usdPerMillionInputTokens: 3,
    usdPerMillionOutputTokens: 15,
  },
  {
    name: 'gemini-2.5-pro',
    provider: 'gcp.gemini',
    typicalError: 'ProviderError',
    usdPerMillionInputTokens: 1.25,
    usdPerMillionOutputTokens: 10,
  },
  {
    name: 'llama-3.1-70b',
    provider: 'ollama',
    typicalError: 'TimeoutError',
    usdPerMillionInputTokens: 0,
    usdPerMillionOutputTokens: 0,
  },
  {
    name: 'text-embedding-3-small',
    provider: 'openai',
    typicalError: 'RateLimitError',
    usdPerMillionInputTokens: 0.02,
    usdPerMillionOutputTokens: 0,
  },
];

export interface OperationSpec {
  readonly name: AgentOperation;
  /** Calls of this operation per task. */
  readonly perTask: number;
  readonly medianSeconds: number;
  /** Models serving the operation with their share of calls; empty for tool calls. */
  readonly models: readonly { readonly model: string; readonly share: number }[];
}

export interface AgentSpec {
  readonly name: string;
  /** Index into HOSTS. */
  readonly host: number;
  readonly tasksPerSecond: number;
  readonly peakHourUtc: number;
  readonly modes: Readonly<Partial<Record<TaskMode, number>>>;
  readonly taskMedianSeconds: number;
  readonly operations: readonly OperationSpec[];
  /** MCP tools the agent calls. */
  readonly tools: readonly string[];
}

export const AGENTS: readonly AgentSpec[] = [
  {
    name: 'planner',
    host: 0,
    tasksPerSecond: 0.8,
    peakHourUtc: 14,
    taskMedianSeconds: 9,
    modes: { workflow: 0.8, interactive: 0.2 },
    operations: [
      { name: 'plan', perTask: 1, medianSeconds: 2.4, models: [{ model: 'gpt-4o', share: 1 }] },
      {
        name: 'chat',
        perTask: 2,
        medianSeconds: 1.6,
        models: [{ model: 'claude-sonnet-4', share: 1 }],
      },
    ],
    tools: ['task_queue.push', 'calendar.lookup'],
  },
  {
    name: 'researcher',
    host: 0,
    tasksPerSecond: 0.5,
    peakHourUtc: 15,
    taskMedianSeconds: 28,
    modes: { workflow: 0.6, batch: 0.4 },
    operations: [
      {
        name: 'chat',
        perTask: 3,
        medianSeconds: 3.2,
        models: [{ model: 'gemini-2.5-pro', share: 1 }],
      },
      {
        name: 'embed',
        perTask: 4,
        medianSeconds: 0.12,
        models: [{ model: 'text-embedding-3-small', share: 1 }],
      },
      { name: 'tool_call', perTask: 5, medianSeconds: 0.9, models: [] },
    ],
    tools: ['web.search', 'web.fetch', 'vector_store.query'],
  },
  {
    name: 'coder',
    host: 1,
    tasksPerSecond: 0.4,
    peakHourUtc: 16,
    taskMedianSeconds: 45,
    modes: { workflow: 0.5, interactive: 0.5 },
    operations: [
      {
        name: 'chat',
        perTask: 5,
        medianSeconds: 4.1,
        models: [
          { model: 'claude-sonnet-4', share: 0.75 },
          { model: 'gpt-4o', share: 0.25 },
        ],
      },
      { name: 'tool_call', perTask: 8, medianSeconds: 1.4, models: [] },
    ],
    tools: ['fs.read_file', 'fs.write_file', 'git.diff', 'shell.exec'],
  },
  {
    name: 'reviewer',
    host: 1,
    tasksPerSecond: 0.3,
    peakHourUtc: 16,
    taskMedianSeconds: 20,
    modes: { workflow: 1 },
    operations: [
      { name: 'chat', perTask: 2, medianSeconds: 3.6, models: [{ model: 'gpt-4o', share: 1 }] },
      { name: 'tool_call', perTask: 2, medianSeconds: 0.7, models: [] },
    ],
    tools: ['git.diff', 'github.comment'],
  },
  {
    name: 'summarizer',
    host: 2,
    tasksPerSecond: 0.6,
    peakHourUtc: 9,
    taskMedianSeconds: 12,
    modes: { batch: 0.7, workflow: 0.3 },
    operations: [
      {
        name: 'chat',
        perTask: 1,
        medianSeconds: 5.5,
        models: [{ model: 'llama-3.1-70b', share: 1 }],
      },
      {
        name: 'embed',
        perTask: 2,
        medianSeconds: 0.1,
        models: [{ model: 'text-embedding-3-small', share: 1 }],
      },
    ],
    tools: ['vector_store.upsert'],
  },
  {
    name: 'support-bot',
    host: 2,
    tasksPerSecond: 1.4,
    peakHourUtc: 13,
    taskMedianSeconds: 6,
    modes: { interactive: 1 },
    operations: [
      {
        name: 'chat',
        perTask: 2,
        medianSeconds: 1.2,
        models: [{ model: 'gpt-4o-mini', share: 1 }],
      },
      {
        name: 'embed',
        perTask: 1,
        medianSeconds: 0.08,
        models: [{ model: 'text-embedding-3-small', share: 1 }],
      },
      { name: 'tool_call', perTask: 1, medianSeconds: 0.5, models: [] },
    ],
    tools: ['kb.search', 'ticket.create'],
  },
];

export interface WorkflowSpec {
  readonly name: string;
  /** Index into HOSTS: where the orchestrator runs this workflow. */
  readonly host: number;
  readonly runsPerSecond: number;
  /** Agents of the steps, in order. */
  readonly steps: readonly string[];
}

export const WORKFLOWS: readonly WorkflowSpec[] = [
  { name: 'code-change', host: 1, runsPerSecond: 0.05, steps: ['planner', 'coder', 'reviewer'] },
  {
    name: 'research-report',
    host: 0,
    runsPerSecond: 0.04,
    steps: ['planner', 'researcher', 'summarizer'],
  },
  { name: 'ticket-triage', host: 2, runsPerSecond: 0.08, steps: ['support-bot', 'planner'] },
  { name: 'daily-digest', host: 2, runsPerSecond: 0.02, steps: ['researcher', 'summarizer'] },
];

export const EVENT_TYPES = [
  'execution_started',
  'execution_completed',
  'execution_failed',
  'step_started',
  'step_completed',
  'step_failed',
  'agent_invoked',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const FILE_OPERATIONS = ['read', 'write', 'delete', 'list'] as const;

export function modelSpec(name: string): ModelSpec {
  const spec = MODELS.find((m) => m.name === name);
  if (!spec) throw new Error(`unknown model ${name}`);
  return spec;
}

export function agentIndex(name: string): number {
  const index = AGENTS.findIndex((a) => a.name === name);
  if (index < 0) throw new Error(`unknown agent ${name}`);
  return index;
}

export function instanceLabel(host: number, port: number): string {
  return `${HOSTS[host]?.name ?? 'unknown'}:${port}`;
}
