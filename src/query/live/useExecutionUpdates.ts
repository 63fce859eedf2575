import { useMemo, useSyncExternalStore } from 'react';
import {
  IDLE_EXECUTION_STATE,
  TERMINAL_EXECUTION_STATUSES,
  executionStream,
  type Execution,
  type ExecutionStreamState,
  type LiveStream,
  type Step,
  type StreamStats,
  type StreamStatus,
  type Transport,
} from '@/datasources/live';
import { useLiveRuntime } from './LiveProvider';
import { withStaleness, type Staleness } from './staleness';

export interface ExecutionUpdates extends Staleness {
  /** The run as last known; kept through reconnects (then `stale`), null before the first data. */
  execution: Execution | null;
  /** Its steps, started ones by start time; each step id appears once. */
  steps: readonly Step[];
  status: StreamStatus;
  transport: Transport | null;
  lastUpdate: number | null;
  error: string | null;
  /** Disconnected on purpose while the page is hidden (`pauseWhenHidden`). */
  paused: boolean;
  stats: StreamStats;
  /** The run has ended: no more updates will come. */
  finished: boolean;
}

type ExecutionState = ExecutionStreamState & Staleness;

const IDLE: ExecutionState = Object.freeze({
  ...IDLE_EXECUTION_STATE,
  stale: false,
  staleSince: null,
});
const IDLE_STREAM: LiveStream<ExecutionState> = {
  subscribe: () => () => {},
  getSnapshot: () => IDLE,
};
const NO_STEPS: readonly Step[] = Object.freeze([]);

/** One workflow run, live: a snapshot first, then each step as it starts, runs and ends. */
export function useExecutionUpdates(executionId: string | null | undefined): ExecutionUpdates {
  const { client } = useLiveRuntime();
  const stream = useMemo(
    () =>
      client && executionId
        ? withStaleness(
            client.stream(executionStream(executionId)),
            (state) => state.execution !== null,
          )
        : IDLE_STREAM,
    [client, executionId],
  );
  const state = useSyncExternalStore(stream.subscribe, stream.getSnapshot);
  return useMemo(() => {
    const { execution } = state;
    return {
      execution,
      steps: execution?.steps ?? NO_STEPS,
      status: state.status,
      transport: state.transport,
      lastUpdate: state.lastUpdate,
      error: state.error,
      paused: state.paused,
      stats: state.stats,
      stale: state.stale,
      staleSince: state.staleSince,
      finished: execution !== null && TERMINAL_EXECUTION_STATUSES.has(execution.status),
    };
  }, [state]);
}
