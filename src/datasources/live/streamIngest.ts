import { errorText } from './errors';
import type { Runtime, TimerHandle } from './runtime';
import { decideSeq } from './sequencer';
import type { StoreControl } from './streamStore';

export interface SequencedMessage {
  type: string;
  seq: number;
  ts: number;
}

export interface StreamIngestOptions<M extends SequencedMessage> {
  store: StoreControl;
  runtime: Runtime;
  /** Applies a message to the stream's model. */
  apply: (message: M) => void;
  /** Whether a message carries the whole state. */
  isFull: (message: M) => boolean;
  /** The REST snapshot as a full message; null when the stream has none. */
  fetchSnapshot: ((signal: AbortSignal) => Promise<M>) | null;
  /** Wait before retrying a failed resync. */
  retryMs: number;
}

/** Messages buffered while a resync is in flight; beyond this the oldest go (a resync follows). */
const MAX_BUFFERED = 10_000;

/**
 * Applies one stream's data messages in seq order: drops duplicates, and on a gap fetches the
 * REST snapshot, applies it as the new base and replays what arrived meanwhile.
 */
export class StreamIngest<M extends SequencedMessage> {
  private last: number | null = null;
  private fresh = true;
  private resyncing = false;
  private buffer: M[] = [];
  private generation = 0;
  private retryTimer: TimerHandle | null = null;
  private abort: AbortController | null = null;

  constructor(private readonly options: StreamIngestOptions<M>) {}

  /** A new connection started: its first message may rebase the stream. */
  beginConnection(): void {
    this.cancelResync();
    this.fresh = true;
  }

  receive(message: M): void {
    if (this.resyncing) {
      this.buffer.push(message);
      if (this.buffer.length > MAX_BUFFERED) this.buffer.shift();
      return;
    }
    const { store, isFull } = this.options;
    const full = isFull(message);
    const decision = decideSeq({ last: this.last, seq: message.seq, full, fresh: this.fresh });
    this.fresh = false;
    if (decision === 'duplicate') {
      store.count('duplicatesIgnored');
      return;
    }
    if (decision === 'gap') {
      this.startResync(message);
      return;
    }
    if (this.last !== null && message.seq > this.last + 1) store.count('gapsResynced');
    this.commit(message);
  }

  /** A polled snapshot: authoritative whatever its seq. */
  receiveSnapshot(message: M): void {
    this.cancelResync();
    this.fresh = true;
    this.receive(message);
  }

  stop(): void {
    this.cancelResync();
  }

  private commit(message: M): void {
    this.options.apply(message);
    this.last = message.seq;
    this.options.store.patch({ seq: message.seq, lastUpdate: this.options.runtime.now() });
    this.options.store.markDirty();
  }

  private startResync(trigger: M): void {
    const { fetchSnapshot, store } = this.options;
    store.count('gapsResynced');
    if (!fetchSnapshot) {
      // Nothing to resync from: accept the stream as it comes rather than stall it.
      this.commit(trigger);
      return;
    }
    this.resyncing = true;
    this.buffer = [trigger];
    this.requestSnapshot(fetchSnapshot);
  }

  private requestSnapshot(fetchSnapshot: (signal: AbortSignal) => Promise<M>): void {
    const generation = ++this.generation;
    const abort = new AbortController();
    this.abort = abort;
    fetchSnapshot(abort.signal).then(
      (snapshot) => {
        if (generation === this.generation) this.finishResync(snapshot);
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.options.store.patch({ error: `resync failed: ${errorText(error)}` });
        this.retryTimer = this.options.runtime.timers.setTimeout(() => {
          this.retryTimer = null;
          if (generation === this.generation) this.requestSnapshot(fetchSnapshot);
        }, this.options.retryMs);
      },
    );
  }

  private finishResync(snapshot: M): void {
    this.abort = null;
    this.resyncing = false;
    this.commit(snapshot);
    if (this.options.store.info.error?.startsWith('resync failed')) {
      this.options.store.patch({ error: null });
    }
    const pending = this.buffer.sort((a, b) => a.seq - b.seq);
    this.buffer = [];
    for (const message of pending) {
      // Already reflected in the snapshot.
      if (message.seq <= snapshot.seq) continue;
      this.receive(message);
    }
  }

  private cancelResync(): void {
    this.generation += 1;
    this.abort?.abort();
    this.abort = null;
    if (this.retryTimer !== null) this.options.runtime.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.resyncing = false;
    this.buffer = [];
  }
}
