import { RingBuffer } from './ringBuffer';
import type { MetricsSnapshot, MetricsSnapshotMessage } from './schema';

export interface MetricsSample {
  /** Server time of the snapshot, epoch ms. */
  ts: number;
  data: MetricsSnapshot;
}

export interface MetricsView {
  snapshot: MetricsSnapshot | null;
  /** Bounded history for charts, oldest first. */
  history: readonly MetricsSample[];
}

export const DEFAULT_HISTORY_CAPACITY = 360;

/** Latest metrics snapshot plus a bounded history; every message is a whole snapshot. */
export class MetricsModel {
  private readonly history: RingBuffer<MetricsSample>;
  private version = 0;
  private cached: { version: number; view: MetricsView } | null = null;

  constructor(historyCapacity = DEFAULT_HISTORY_CAPACITY) {
    this.history = new RingBuffer(historyCapacity);
  }

  apply(message: MetricsSnapshotMessage): void {
    this.history.push({ ts: message.ts, data: message.data });
    this.version += 1;
  }

  view(): MetricsView {
    if (this.cached?.version === this.version) return this.cached.view;
    const view: MetricsView = {
      snapshot: this.history.latest()?.data ?? null,
      history: this.history.toArray(),
    };
    this.cached = { version: this.version, view };
    return view;
  }
}
