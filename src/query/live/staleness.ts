import type { ConnectionInfo, LiveStream } from '@/datasources/live';

export interface Staleness {
  /** Data is on screen but its stream stopped delivering and nothing fresh has arrived since. */
  stale: boolean;
  /** Client time (epoch ms) the stream stopped delivering; null while fresh. */
  staleSince: number | null;
}

type StreamFacts = Pick<ConnectionInfo, 'status' | 'error' | 'paused' | 'lastUpdate'>;

/**
 * Nothing delivers: connecting again, or offline for a reason. A stream that went offline
 * without an error has finished (a completed execution) and its data is final, not stale.
 */
export function isInterrupted({ status, error, paused }: StreamFacts): boolean {
  if (status === 'connecting' || status === 'reconnecting') return true;
  return status === 'offline' && (error !== null || paused);
}

/**
 * The next `staleSince`: set when a stream with data is interrupted, kept after it comes back
 * until data newer than the interruption arrives, then cleared.
 */
export function nextStaleSince(
  previous: number | null,
  facts: StreamFacts,
  hasData: boolean,
  now: number,
): number | null {
  if (!hasData) return null;
  if (isInterrupted(facts)) return previous ?? now;
  if (previous !== null && (facts.lastUpdate ?? 0) <= previous) return previous;
  return null;
}

/**
 * Wraps a stream so each snapshot also says whether it is stale. The wrapper remembers when
 * the interruption began, which a snapshot alone cannot say; identities stay stable between
 * source snapshots, as useSyncExternalStore requires.
 */
export function withStaleness<S extends ConnectionInfo>(
  stream: LiveStream<S>,
  hasData: (state: S) => boolean,
  now: () => number = Date.now,
): LiveStream<S & Staleness> {
  let source: S | null = null;
  let derived: (S & Staleness) | null = null;
  let staleSince: number | null = null;
  const getSnapshot = (): S & Staleness => {
    const current = stream.getSnapshot();
    if (current === source && derived) return derived;
    staleSince = nextStaleSince(staleSince, current, hasData(current), now());
    source = current;
    derived = { ...current, stale: staleSince !== null, staleSince };
    return derived;
  };
  return {
    getSnapshot,
    subscribe: (listener) => stream.subscribe(() => listener(getSnapshot())),
  };
}
