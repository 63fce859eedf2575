// @vitest-environment node
import type { FrameScheduler } from './runtime';
import { StreamStore } from './streamStore';

function manualFrames() {
  const pending: Array<() => void> = [];
  const schedule: FrameScheduler = (callback) => {
    pending.push(callback);
    return () => pending.splice(pending.indexOf(callback), 1);
  };
  return { schedule, pending, runFrame: () => pending.splice(0).forEach((callback) => callback()) };
}

describe('StreamStore', () => {
  it('coalesces any number of changes into one notification per frame', () => {
    const frames = manualFrames();
    let value = 0;
    const store = new StreamStore(() => ({ value }), frames.schedule);
    const listener = vi.fn();
    store.subscribe(listener);
    for (let i = 0; i < 1_000; i += 1) {
      value = i;
      store.markDirty();
      store.count('duplicatesIgnored');
    }
    store.patch({ status: 'live', transport: 'websocket' });
    expect(listener).not.toHaveBeenCalled();
    expect(frames.pending).toHaveLength(1);
    frames.runFrame();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toMatchObject({
      value: 999,
      status: 'live',
      stats: { duplicatesIgnored: 1_000 },
    });
  });

  it('keeps snapshot identity when nothing changed', () => {
    const frames = manualFrames();
    const store = new StreamStore(() => ({}), frames.schedule);
    const before = store.getSnapshot();
    store.patch({ status: 'connecting' });
    expect(frames.pending).toHaveLength(0);
    expect(store.getSnapshot()).toBe(before);
  });

  it('works with a synchronous scheduler', () => {
    const store = new StreamStore(
      () => ({}),
      (callback) => (callback(), () => {}),
    );
    const listener = vi.fn();
    store.subscribe(listener);
    store.patch({ error: 'a' });
    store.patch({ error: 'b' });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot().error).toBe('b');
  });

  it('stops notifying after dispose', () => {
    const frames = manualFrames();
    const store = new StreamStore(() => ({}), frames.schedule);
    const listener = vi.fn();
    store.subscribe(listener);
    store.patch({ status: 'live' });
    store.dispose();
    frames.runFrame();
    expect(listener).not.toHaveBeenCalled();
  });
});
