// @vitest-environment node
import type { Runtime } from './runtime';
import { StreamIngest, type SequencedMessage } from './streamIngest';
import { StreamStore } from './streamStore';

type Message = SequencedMessage & { full?: boolean; value: string };

const msg = (seq: number, value = `v${seq}`, full = false): Message => ({
  type: 'test',
  seq,
  ts: seq,
  value,
  full,
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(fetchSnapshot: ((signal: AbortSignal) => Promise<Message>) | null) {
  const applied: string[] = [];
  const timers: Array<() => void> = [];
  const runtime: Runtime = {
    timers: { setTimeout: (callback) => timers.push(callback), clearTimeout: () => {} },
    now: () => 1_000,
    random: () => 0,
    scheduleFrame: () => () => {},
    visibility: null,
  };
  const store = new StreamStore(() => ({}), runtime.scheduleFrame);
  const ingest = new StreamIngest<Message>({
    store,
    runtime,
    apply: (message) => applied.push(message.value),
    isFull: (message) => message.full === true,
    fetchSnapshot,
    retryMs: 100,
  });
  const stats = () => {
    store.flush();
    return store.getSnapshot().stats;
  };
  return { applied, ingest, store, stats, runTimers: () => timers.splice(0).forEach((t) => t()) };
}

describe('StreamIngest', () => {
  it('applies in order and ignores duplicates and older messages', () => {
    const { applied, ingest, stats, store } = setup(null);
    ingest.receive(msg(1, 'base', true));
    ingest.receive(msg(2));
    ingest.receive(msg(2));
    ingest.receive(msg(1));
    ingest.receive(msg(3));
    expect(applied).toEqual(['base', 'v2', 'v3']);
    expect(stats().duplicatesIgnored).toBe(2);
    expect(store.info).toMatchObject({ seq: 3, lastUpdate: 1_000 });
  });

  it('on a gap fetches the snapshot, drops what it covers and replays the rest in order', async () => {
    const snapshot = deferred<Message>();
    const { applied, ingest, stats } = setup(() => snapshot.promise);
    ingest.receive(msg(1, 'base', true));
    ingest.receive(msg(4));
    ingest.receive(msg(6));
    ingest.receive(msg(5));
    expect(applied).toEqual(['base']);

    snapshot.resolve(msg(5, 'snapshot@5', true));
    await snapshot.promise;
    await Promise.resolve();
    expect(applied).toEqual(['base', 'snapshot@5', 'v6']);
    expect(stats().gapsResynced).toBe(1);
  });

  it('retries a failed resync and shows why meanwhile', async () => {
    const fetchSnapshot = vi
      .fn<() => Promise<Message>>()
      .mockRejectedValueOnce(new Error('HTTP 503'))
      .mockResolvedValueOnce(msg(3, 'snapshot@3', true));
    const { applied, ingest, store, runTimers } = setup(fetchSnapshot);
    ingest.receive(msg(1, 'base', true));
    ingest.receive(msg(3));
    await vi.waitFor(() => expect(store.info.error).toBe('resync failed: HTTP 503'));
    runTimers();
    await vi.waitFor(() => expect(applied).toEqual(['base', 'snapshot@3']));
    expect(store.info.error).toBeNull();
  });

  it('discards a resync overtaken by a new connection', async () => {
    const snapshot = deferred<Message>();
    const { applied, ingest } = setup(() => snapshot.promise);
    ingest.receive(msg(1, 'base', true));
    ingest.receive(msg(5));
    ingest.beginConnection();
    ingest.receive(msg(9, 'fresh', true));
    snapshot.resolve(msg(5, 'late snapshot', true));
    await snapshot.promise;
    await Promise.resolve();
    expect(applied).toEqual(['base', 'fresh']);
  });

  it('without a snapshot source accepts the stream as it comes', () => {
    const { applied, ingest, stats } = setup(null);
    ingest.receive(msg(1, 'base', true));
    ingest.receive(msg(5));
    expect(applied).toEqual(['base', 'v5']);
    expect(stats().gapsResynced).toBe(1);
  });

  it('takes a polled snapshot whatever its seq', () => {
    const { applied, ingest } = setup(null);
    ingest.receive(msg(10, 'pushed', true));
    ingest.receiveSnapshot(msg(2, 'polled', true));
    expect(applied).toEqual(['pushed', 'polled']);
  });
});
