import { MODELS, SERVICES } from './catalog';
import type { OperationDef, ServiceDef } from './catalog';

/**
 * Deterministic generator of Jaeger-format traces (the JSON of one element of `/api/traces`
 * `data`). Same options, same trace, byte for byte. Pure TypeScript without Node APIs so the
 * browser demo (MSW) and the benchmarks share it.
 */

export interface JaegerTagJson {
  key: string;
  type: 'string' | 'bool' | 'int64' | 'float64';
  value: string | number | boolean;
}

export interface JaegerSpanJson {
  traceID: string;
  spanID: string;
  flags: number;
  operationName: string;
  references: Array<{ refType: 'CHILD_OF' | 'FOLLOWS_FROM'; traceID: string; spanID: string }>;
  startTime: number;
  duration: number;
  tags: JaegerTagJson[];
  logs: Array<{ timestamp: number; fields: JaegerTagJson[] }>;
  processID: string;
  warnings: string[] | null;
}

export interface JaegerTraceJson {
  traceID: string;
  spans: JaegerSpanJson[];
  processes: Record<string, { serviceName: string; tags: JaegerTagJson[] }>;
  warnings: string[] | null;
}

export interface GenerateOptions {
  spans: number;
  seed: number;
  maxDepth?: number;
  /** How many services of the catalogue take part (1–20). */
  services?: number;
  /** Share of spans marked as errors, 0–1. */
  errorRate?: number;
  withLogs?: boolean;
  /** Adds LLM, tool and agent spans with `gen_ai.*` attributes. */
  genai?: boolean;
  /** 32 hex characters; derived from the seed when absent. */
  traceId?: string;
  /** Start of the root span in Unix microseconds. */
  startUs?: number;
  /** Index into the catalogue of the root span's service. */
  rootService?: number;
}

export const DEFAULT_START_US = 1_767_225_600_000_000; // 2026-01-01T00:00:00Z

/** mulberry32: tiny, fast and good enough for test data. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomHex(rng: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(rng() * 16).toString(16);
  return out;
}

const str = (key: string, value: string): JaegerTagJson => ({ key, type: 'string', value });
const int = (key: string, value: number): JaegerTagJson => ({ key, type: 'int64', value });
const bool = (key: string, value: boolean): JaegerTagJson => ({ key, type: 'bool', value });
const float = (key: string, value: number): JaegerTagJson => ({ key, type: 'float64', value });

/**
 * Span `i` depends only on the options and spans `0..i`, never on the total count: the first
 * k spans of a trace are the same whatever `spans` says. The demo's search results rely on
 * this to show the beginning of a big trace that opening it by id then completes.
 */
export function generateJaegerTrace(options: GenerateOptions): JaegerTraceJson {
  const n = Math.max(1, Math.floor(options.spans));
  const maxDepth = Math.max(2, options.maxDepth ?? 12);
  const serviceCount = Math.min(SERVICES.length, Math.max(1, options.services ?? 20));
  const errorRate = options.errorRate ?? 0.02;
  const withLogs = options.withLogs ?? true;
  const genai = options.genai ?? true;
  const traceRng = createRng(options.seed);
  const traceID = options.traceId ?? randomHex(traceRng, 32);
  const rootDuration = 1_000_000 + Math.floor(traceRng() * 4_000_000);

  const parent = new Int32Array(n);
  const depth = new Int32Array(n);
  const start = new Float64Array(n);
  const duration = new Float64Array(n);
  const lastChildEnd = new Float64Array(n).fill(-1);
  const serviceOf = new Int32Array(n);
  const shape: ShapeState = { burstParent: 0, burstLeft: 0 };
  const processIds = new Map<number, string>();
  const spans: JaegerSpanJson[] = new Array<JaegerSpanJson>(n);

  for (let i = 0; i < n; i++) {
    const rng = createRng(
      Math.imul(options.seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca77),
    );
    const references: JaegerSpanJson['references'] = [];
    if (i === 0) {
      parent[0] = -1;
      start[0] = options.startUs ?? DEFAULT_START_US;
      duration[0] = rootDuration;
      serviceOf[0] = Math.min(serviceCount - 1, Math.max(0, options.rootService ?? 0));
    } else {
      const p = pickParent(i, parent, depth, maxDepth, shape, rng);
      parent[i] = p;
      depth[i] = (depth[p] as number) + 1;
      placeInParent(i, p, start, duration, lastChildEnd, rng);
      serviceOf[i] = rng() < 0.55 ? (serviceOf[p] as number) : Math.floor(rng() * serviceCount);
      references.push({
        refType: 'CHILD_OF',
        traceID,
        spanID: (spans[p] as JaegerSpanJson).spanID,
      });
    }
    const serviceIndex = serviceOf[i] as number;
    let processID = processIds.get(serviceIndex);
    if (processID === undefined) {
      processID = `p${processIds.size + 1}`;
      processIds.set(serviceIndex, processID);
    }
    const operation = pickOperation(SERVICES[serviceIndex] as ServiceDef, genai, rng);
    const isError = rng() < errorRate;
    const remote = i > 0 && serviceOf[parent[i] as number] !== serviceIndex;
    spans[i] = {
      traceID,
      spanID: (i + 1).toString(16).padStart(6, '0') + randomHex(rng, 10),
      flags: 1,
      operationName: operation.name,
      references,
      startTime: start[i] as number,
      duration: duration[i] as number,
      tags: tagsFor(operation, remote, isError, rng),
      logs: logsFor(isError, withLogs, start[i] as number, duration[i] as number, rng),
      processID,
      warnings: null,
    };
  }

  const processes: JaegerTraceJson['processes'] = {};
  for (const [index, id] of processIds) {
    const name = (SERVICES[index] as ServiceDef).name;
    processes[id] = {
      serviceName: name,
      tags: [
        str('hostname', `${name}-${index % 3}`),
        str('ip', `10.0.${index}.${(index * 7) % 250}`),
        str('telemetry.sdk.language', 'go'),
      ],
    };
  }
  return { traceID, spans, processes, warnings: null };
}

/** Where the next span attaches; carried from span to span, so it depends only on the prefix. */
interface ShapeState {
  burstParent: number;
  burstLeft: number;
}

/**
 * A random walk over the tree: the next span goes one level deeper, becomes a sibling, or
 * climbs back up a few levels; now and then a burst of tens to hundreds of siblings (a batch
 * loop) makes a very wide node. Never deeper than `maxDepth` levels.
 */
function pickParent(
  i: number,
  parent: Int32Array,
  depth: Int32Array,
  maxDepth: number,
  state: ShapeState,
  rng: () => number,
): number {
  if (state.burstLeft > 0) {
    state.burstLeft -= 1;
    return state.burstParent;
  }
  const previous = i - 1;
  const r = rng();
  let p: number;
  if (r < 0.0008) {
    p = Math.max(0, parent[previous] as number);
    state.burstParent = p;
    state.burstLeft = 20 + Math.floor(rng() * 600);
  } else if (r < 0.4) {
    p = previous;
  } else if (r < 0.78) {
    p = Math.max(0, parent[previous] as number);
  } else {
    p = previous;
    for (let up = 2 + Math.floor(rng() * 3); up > 0 && p > 0; up--) p = parent[p] as number;
  }
  while (p > 0 && (depth[p] as number) >= maxDepth - 1) p = parent[p] as number;
  return p;
}

/**
 * Inside the parent's time. Half the children wrap most of their parent (handler → service
 * call), half are short calls; calls follow the previous sibling until the parent is full,
 * then overlap (concurrent work).
 */
function placeInParent(
  i: number,
  p: number,
  start: Float64Array,
  duration: Float64Array,
  lastChildEnd: Float64Array,
  rng: () => number,
): void {
  const parentStart = start[p] as number;
  const parentDuration = duration[p] as number;
  const parentEnd = parentStart + parentDuration;
  const share = rng() < 0.5 ? 0.6 + 0.35 * rng() : 0.05 + 0.35 * rng();
  const d = Math.floor(parentDuration * share);
  const previousEnd = lastChildEnd[p] as number;
  let s =
    (previousEnd >= 0 ? previousEnd : parentStart) + Math.floor(parentDuration * 0.02 * rng());
  if (s + d > parentEnd || rng() < 0.25) s = parentStart + Math.floor(rng() * (parentDuration - d));
  start[i] = s;
  duration[i] = d;
  lastChildEnd[p] = Math.max(previousEnd, s + d);
}

const GENAI_KINDS = new Set(['llm', 'tool', 'agent']);

function pickOperation(service: ServiceDef, genai: boolean, rng: () => number): OperationDef {
  const choices = genai
    ? service.operations
    : service.operations.filter((o) => !GENAI_KINDS.has(o.kind));
  return choices[Math.floor(rng() * choices.length)] as OperationDef;
}

function tagsFor(
  op: OperationDef,
  remote: boolean,
  isError: boolean,
  rng: () => number,
): JaegerTagJson[] {
  const tags: JaegerTagJson[] = [];
  const outgoing = op.kind === 'db' || op.kind === 'cache' || op.kind === 'llm';
  tags.push(
    str(
      'span.kind',
      remote ? 'server' : outgoing ? 'client' : op.kind === 'queue' ? 'producer' : 'internal',
    ),
  );
  switch (op.kind) {
    case 'http': {
      const [method = 'GET', route = '/'] = op.name.split(' ');
      tags.push(
        str('http.method', method),
        str('http.route', route),
        int('http.status_code', isError ? 500 : 200),
      );
      break;
    }
    case 'db':
      tags.push(
        str('db.system', 'postgresql'),
        str('db.statement', `${op.name} WHERE id = $1`),
        int('db.rows_affected', Math.floor(rng() * 50)),
      );
      break;
    case 'cache':
      tags.push(str('db.system', 'redis'), bool('cache.hit', rng() < 0.8));
      break;
    case 'queue':
      tags.push(
        str('messaging.system', 'kafka'),
        str('messaging.destination.name', op.name.split(' ')[1] ?? 'events'),
      );
      break;
    case 'llm': {
      const model = MODELS.find((m) => op.name.endsWith(m.model)) ?? MODELS[0];
      const input = 200 + Math.floor(rng() * 4000);
      const output = 20 + Math.floor(rng() * 800);
      const cost = (input * model.inputUsdPerMTok + output * model.outputUsdPerMTok) / 1e6;
      tags.push(
        str('gen_ai.operation.name', 'chat'),
        str('gen_ai.provider.name', model.provider),
        str('gen_ai.request.model', model.model),
        str('gen_ai.response.model', model.model),
        int('gen_ai.usage.input_tokens', input),
        int('gen_ai.usage.output_tokens', output),
        float('gen_ai.usage.cost', Math.round(cost * 1e6) / 1e6),
      );
      break;
    }
    case 'tool':
      tags.push(
        str('gen_ai.operation.name', 'execute_tool'),
        str('gen_ai.tool.name', op.name.replace('execute_tool ', '')),
      );
      break;
    case 'agent':
      tags.push(
        str('gen_ai.operation.name', 'invoke_agent'),
        str('gen_ai.agent.name', op.name.replace('invoke_agent ', '')),
      );
      break;
    case 'internal':
      tags.push(str('code.function', op.name.replace(/\s+/g, '_')));
      break;
  }
  if (isError) tags.push(bool('error', true), str('otel.status_description', `${op.name} failed`));
  return tags;
}

function logsFor(
  isError: boolean,
  withLogs: boolean,
  start: number,
  duration: number,
  rng: () => number,
): JaegerSpanJson['logs'] {
  const logs: JaegerSpanJson['logs'] = [];
  if (withLogs && rng() < 0.08) {
    logs.push({
      timestamp: start + Math.floor(duration * 0.3),
      fields: [str('event', 'checkpoint'), int('queue.depth', Math.floor(rng() * 100))],
    });
  }
  if (isError) {
    logs.push({
      timestamp: start + Math.floor(duration * 0.9),
      fields: [
        str('event', 'error'),
        str('error.kind', 'UpstreamError'),
        str('message', 'upstream returned 500'),
      ],
    });
  }
  return logs;
}
