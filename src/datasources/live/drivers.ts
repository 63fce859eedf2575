import { ExecutionModel, type ExecutionDataMessage, type ExecutionView } from './executionModel';
import { MetricsModel, type MetricsView } from './metricsModel';
import type { GatewayRest } from './rest';
import {
  executionSchema,
  metricsSnapshotSchema,
  type Execution,
  type MetricsSnapshot,
  type MetricsSnapshotMessage,
  type ServerMessage,
} from './schema';
import type { StreamDriver } from './streamChannel';
import { streamKey } from './streams';
import type { GatewayUrls } from './urls';

/** Snapshot sources used when no gateway is configured (e.g. computed from Prometheus). */
export interface PollFallback {
  metrics?: () => Promise<MetricsSnapshot>;
  execution?: (id: string) => Promise<Execution>;
}

export interface DriverContext {
  urls: GatewayUrls | null;
  rest: GatewayRest | null;
  pollFallback: PollFallback;
  now: () => number;
}

/**
 * Fallback snapshots carry no seq; each is stamped with the next number of a local counter,
 * which is safe because polled snapshots always replace the whole state.
 */
function localSequence() {
  let seq = 0;
  return () => (seq += 1);
}

export function createMetricsDriver(
  context: DriverContext,
  historyCapacity: number,
): StreamDriver<MetricsSnapshotMessage, MetricsView> {
  const model = new MetricsModel(historyCapacity);
  const { rest, urls, pollFallback, now } = context;
  const fetchSnapshot = rest
    ? async (signal: AbortSignal): Promise<MetricsSnapshotMessage> => {
        const { seq, ts, data } = await rest.overview(signal);
        return { type: 'metrics.snapshot', seq, ts, data };
      }
    : null;
  const fallback = pollFallback.metrics;
  const nextSeq = localSequence();
  const pollFallbackSnapshot = fallback
    ? async (): Promise<MetricsSnapshotMessage> => {
        const data = metricsSnapshotSchema.parse(await fallback());
        return { type: 'metrics.snapshot', seq: nextSeq(), ts: now(), data };
      }
    : null;
  return {
    key: streamKey({ kind: 'metrics' }),
    socketUrl: urls?.socket({ kind: 'metrics' }) ?? null,
    eventsUrl: urls?.metricsEvents ?? null,
    accepts: (message: ServerMessage): message is MetricsSnapshotMessage =>
      message.type === 'metrics.snapshot',
    isFull: () => true,
    apply: (message) => model.apply(message),
    view: () => model.view(),
    fetchSnapshot,
    poll: fetchSnapshot ?? pollFallbackSnapshot,
    isFinished: () => false,
  };
}

const EXECUTION_TYPES: ReadonlySet<string> = new Set([
  'execution.snapshot',
  'execution.step',
  'execution.status',
]);

export function createExecutionDriver(
  context: DriverContext,
  id: string,
): StreamDriver<ExecutionDataMessage, ExecutionView> {
  const model = new ExecutionModel();
  const { rest, urls, pollFallback, now } = context;
  const fetchSnapshot = rest
    ? async (signal: AbortSignal): Promise<ExecutionDataMessage> => {
        const { seq, ts, data } = await rest.execution(id, signal);
        return { type: 'execution.snapshot', seq, ts, data };
      }
    : null;
  const fallback = pollFallback.execution;
  const nextSeq = localSequence();
  const pollFallbackSnapshot = fallback
    ? async (): Promise<ExecutionDataMessage> => {
        const data = executionSchema.parse(await fallback(id));
        return { type: 'execution.snapshot', seq: nextSeq(), ts: now(), data };
      }
    : null;
  return {
    key: streamKey({ kind: 'execution', id }),
    socketUrl: urls?.socket({ kind: 'execution', id }) ?? null,
    // The gateway has no event stream for executions: they go straight to polling.
    eventsUrl: null,
    accepts: (message: ServerMessage): message is ExecutionDataMessage =>
      EXECUTION_TYPES.has(message.type),
    isFull: (message) => message.type === 'execution.snapshot',
    apply: (message) => model.apply(message),
    view: () => model.view(),
    fetchSnapshot,
    poll: fetchSnapshot ?? pollFallbackSnapshot,
    isFinished: () => model.isTerminal,
  };
}
