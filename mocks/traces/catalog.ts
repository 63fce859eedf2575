/**
 * The simulated platform's services and the operations each one serves. Pure data shared by
 * the trace generator and the Jaeger API mock (`/api/services`, `/api/services/{s}/operations`).
 */

export type OperationKind =
  'http' | 'db' | 'cache' | 'queue' | 'internal' | 'llm' | 'tool' | 'agent';

export interface OperationDef {
  readonly name: string;
  readonly kind: OperationKind;
}

export interface ServiceDef {
  readonly name: string;
  readonly operations: readonly OperationDef[];
}

const http = (name: string): OperationDef => ({ name, kind: 'http' });
const db = (name: string): OperationDef => ({ name, kind: 'db' });
const cache = (name: string): OperationDef => ({ name, kind: 'cache' });
const queue = (name: string): OperationDef => ({ name, kind: 'queue' });
const internal = (name: string): OperationDef => ({ name, kind: 'internal' });

export const SERVICES: readonly ServiceDef[] = [
  {
    name: 'api-gateway',
    operations: [
      http('POST /api/v1/tasks'),
      http('GET /api/v1/tasks/{id}'),
      http('GET /api/v1/agents'),
    ],
  },
  {
    name: 'orchestrator',
    operations: [
      internal('schedule workflow'),
      internal('run step'),
      queue('publish step.completed'),
    ],
  },
  {
    name: 'agent-runtime',
    operations: [
      { name: 'invoke_agent planner', kind: 'agent' },
      internal('build prompt'),
      internal('parse tool calls'),
    ],
  },
  {
    name: 'llm-gateway',
    operations: [
      { name: 'chat gpt-4o', kind: 'llm' },
      { name: 'chat mistral-large', kind: 'llm' },
      http('POST /v1/chat/completions'),
    ],
  },
  {
    name: 'tool-runner',
    operations: [
      { name: 'execute_tool web_search', kind: 'tool' },
      { name: 'execute_tool read_file', kind: 'tool' },
      internal('sandbox exec'),
    ],
  },
  {
    name: 'auth-service',
    operations: [http('GET /validate'), cache('redis GET session'), db('SELECT users')],
  },
  {
    name: 'user-service',
    operations: [http('GET /users/{id}'), db('SELECT users'), cache('redis GET user')],
  },
  {
    name: 'workflow-store',
    operations: [db('INSERT executions'), db('UPDATE steps'), db('SELECT executions')],
  },
  {
    name: 'vector-store',
    operations: [http('POST /query'), internal('embed query'), db('ANN search')],
  },
  {
    name: 'file-service',
    operations: [http('GET /files/{id}'), http('PUT /files/{id}'), internal('checksum')],
  },
  {
    name: 'billing',
    operations: [http('POST /usage'), db('INSERT usage'), queue('publish usage.recorded')],
  },
  {
    name: 'notifier',
    operations: [
      queue('consume step.completed'),
      http('POST /webhooks'),
      internal('render template'),
    ],
  },
  {
    name: 'scheduler',
    operations: [internal('tick'), db('SELECT due_jobs'), queue('publish job.due')],
  },
  {
    name: 'search-api',
    operations: [http('GET /search'), internal('rank results'), cache('redis GET query')],
  },
  {
    name: 'metrics-api',
    operations: [http('GET /api/v1/query'), internal('evaluate'), db('SELECT series')],
  },
  {
    name: 'config-service',
    operations: [http('GET /config'), cache('redis GET config'), db('SELECT settings')],
  },
  {
    name: 'audit-log',
    operations: [queue('consume audit.event'), db('INSERT audit'), internal('redact')],
  },
  {
    name: 'rate-limiter',
    operations: [http('POST /check'), cache('redis INCR bucket'), internal('token bucket')],
  },
  {
    name: 'blob-store',
    operations: [http('GET /blobs/{key}'), http('PUT /blobs/{key}'), internal('compress')],
  },
  {
    name: 'mcp-gateway',
    operations: [
      http('POST /mcp/tools/call'),
      http('POST /mcp/tools/list'),
      internal('route tool'),
    ],
  },
];

export const MODELS = [
  { provider: 'openai', model: 'gpt-4o', inputUsdPerMTok: 2.5, outputUsdPerMTok: 10 },
  { provider: 'mistral', model: 'mistral-large', inputUsdPerMTok: 2, outputUsdPerMTok: 6 },
  { provider: 'openai', model: 'gpt-4o-mini', inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 },
] as const;
