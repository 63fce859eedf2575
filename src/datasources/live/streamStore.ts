import type { FrameScheduler } from './runtime';
import { ZERO_STATS, type ConnectionInfo, type StreamStats } from './streamState';

export type Listener<S> = (state: S) => void;

type ConnectionFields = Omit<ConnectionInfo, 'stats'>;

/** The part of a store that connection logic writes to. */
export type StoreControl = Pick<StreamStore<object>, 'info' | 'patch' | 'count' | 'markDirty'>;

/**
 * Holds one stream's state. Changes apply at once but listeners hear about them at most once per
 * frame, and the snapshot object is rebuilt only then: a burst of a thousand messages a second
 * costs at most one render per frame, and `getSnapshot` keeps its identity between
 * notifications as useSyncExternalStore requires.
 */
export class StreamStore<V extends object> {
  private fields: ConnectionFields = {
    status: 'connecting',
    transport: null,
    lastUpdate: null,
    error: null,
    paused: false,
    seq: null,
  };
  private stats: StreamStats = { ...ZERO_STATS };
  private snapshot: ConnectionInfo & V;
  private readonly listeners = new Set<Listener<ConnectionInfo & V>>();
  private cancelFrame: (() => void) | null = null;
  private frameScheduled = false;

  constructor(
    private readonly buildView: () => V,
    private readonly scheduleFrame: FrameScheduler,
  ) {
    this.snapshot = this.build();
  }

  get info(): Readonly<ConnectionFields> {
    return this.fields;
  }

  getSnapshot = (): ConnectionInfo & V => this.snapshot;

  subscribe(listener: Listener<ConnectionInfo & V>): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  patch(changes: Partial<ConnectionFields>): void {
    let changed = false;
    for (const key of Object.keys(changes) as Array<keyof ConnectionFields>) {
      if (this.fields[key] !== changes[key]) changed = true;
    }
    if (!changed) return;
    this.fields = { ...this.fields, ...changes };
    this.markDirty();
  }

  count(stat: keyof StreamStats): void {
    this.stats[stat] += 1;
    this.markDirty();
  }

  /** The view (data) changed; rebuild it at the next frame. */
  markDirty(): void {
    if (this.frameScheduled) return;
    this.frameScheduled = true;
    const cancel = this.scheduleFrame(() => {
      this.frameScheduled = false;
      this.cancelFrame = null;
      this.publish();
    });
    // A synchronous scheduler has already published by now.
    if (this.frameScheduled) this.cancelFrame = cancel;
  }

  /** Publishes pending changes now instead of at the next frame. */
  flush(): void {
    this.cancelPendingFrame();
    this.publish();
  }

  dispose(): void {
    this.cancelPendingFrame();
    this.listeners.clear();
  }

  private publish(): void {
    this.snapshot = this.build();
    for (const listener of [...this.listeners]) listener(this.snapshot);
  }

  private cancelPendingFrame(): void {
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.frameScheduled = false;
  }

  private build(): ConnectionInfo & V {
    return Object.freeze({
      ...this.fields,
      stats: Object.freeze({ ...this.stats }),
      ...this.buildView(),
    });
  }
}
