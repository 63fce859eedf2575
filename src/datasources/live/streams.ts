import type { ExecutionStreamState, MetricsStreamState } from './streamState';

export type MetricsStreamSpec = { kind: 'metrics' };
export type ExecutionStreamSpec = { kind: 'execution'; id: string };
export type StreamSpec = MetricsStreamSpec | ExecutionStreamSpec;

export type StreamStateFor<S extends StreamSpec> = S extends MetricsStreamSpec
  ? MetricsStreamState
  : ExecutionStreamState;

/** Identifies a stream; also the value of the optional `stream` field of envelopes. */
export function streamKey(spec: StreamSpec): string {
  return spec.kind === 'metrics' ? 'metrics' : `execution:${spec.id}`;
}

export const METRICS_STREAM: MetricsStreamSpec = Object.freeze({ kind: 'metrics' });

export function executionStream(id: string): ExecutionStreamSpec {
  return { kind: 'execution', id };
}
