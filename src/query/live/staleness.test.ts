import type { ConnectionInfo, LiveStream } from '@/datasources/live';
import { isInterrupted, nextStaleSince, withStaleness } from './staleness';

const facts = (overrides: Partial<ConnectionInfo> = {}) => ({
  status: 'live' as const,
  error: null,
  paused: false,
  lastUpdate: 1_000,
  ...overrides,
});

describe('isInterrupted', () => {
  it('counts connecting, reconnecting and offline with a reason, not a finished stream', () => {
    expect(isInterrupted(facts({ status: 'reconnecting' }))).toBe(true);
    expect(isInterrupted(facts({ status: 'connecting' }))).toBe(true);
    expect(isInterrupted(facts({ status: 'offline', error: 'refused' }))).toBe(true);
    expect(isInterrupted(facts({ status: 'offline', paused: true }))).toBe(true);
    expect(isInterrupted(facts({ status: 'offline' }))).toBe(false);
    expect(isInterrupted(facts({ status: 'polling' }))).toBe(false);
    expect(isInterrupted(facts({ status: 'live' }))).toBe(false);
  });
});

describe('nextStaleSince', () => {
  it('is never stale without data', () => {
    expect(nextStaleSince(null, facts({ status: 'reconnecting' }), false, 5_000)).toBeNull();
  });

  it('starts at the interruption and keeps that time while it lasts', () => {
    const first = nextStaleSince(null, facts({ status: 'reconnecting' }), true, 5_000);
    expect(first).toBe(5_000);
    expect(nextStaleSince(first, facts({ status: 'connecting' }), true, 9_000)).toBe(5_000);
  });

  it('stays stale after reconnecting until data newer than the interruption arrives', () => {
    const reconnected = facts({ status: 'live', transport: 'sse', lastUpdate: 1_000 });
    expect(nextStaleSince(5_000, reconnected, true, 6_000)).toBe(5_000);
    expect(nextStaleSince(5_000, { ...reconnected, lastUpdate: 6_500 }, true, 6_600)).toBeNull();
  });
});

describe('withStaleness', () => {
  function stream(initial: ConnectionInfo & { data: number | null }) {
    let state = initial;
    const listeners = new Set<(s: typeof state) => void>();
    const source: LiveStream<typeof state> = {
      getSnapshot: () => state,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    return {
      source,
      push(next: Partial<typeof state>) {
        state = { ...state, ...next };
        for (const listener of listeners) listener(state);
      },
    };
  }
  const base = {
    ...facts(),
    transport: 'websocket' as const,
    seq: 1,
    stats: { invalidMessages: 0, gapsResynced: 0, duplicatesIgnored: 0, reconnects: 0 },
    data: 1 as number | null,
  };

  it('keeps identity between source snapshots and marks an interruption stale', () => {
    let now = 10_000;
    const fake = stream(base);
    const wrapped = withStaleness(
      fake.source,
      (s) => s.data !== null,
      () => now,
    );
    const fresh = wrapped.getSnapshot();
    expect(wrapped.getSnapshot()).toBe(fresh);
    expect(fresh.stale).toBe(false);

    fake.push({ status: 'reconnecting', transport: null });
    now = 11_000;
    expect(wrapped.getSnapshot()).toMatchObject({ stale: true, staleSince: 11_000, data: 1 });

    fake.push({ status: 'live', transport: 'websocket' });
    now = 12_000;
    expect(wrapped.getSnapshot()).toMatchObject({ stale: true, staleSince: 11_000 });

    fake.push({ data: 2, lastUpdate: 12_000 });
    expect(wrapped.getSnapshot()).toMatchObject({ stale: false, staleSince: null, data: 2 });
  });

  it('hands listeners the derived snapshot', () => {
    const fake = stream(base);
    const wrapped = withStaleness(
      fake.source,
      () => true,
      () => 50_000,
    );
    const heard: boolean[] = [];
    wrapped.subscribe((s) => heard.push(s.stale));
    fake.push({ status: 'offline', error: 'gateway unreachable' });
    expect(heard).toEqual([true]);
  });
});
