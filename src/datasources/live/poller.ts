import type { Timers, TimerHandle } from './runtime';

export interface PollerOptions<T> {
  fetch: (signal: AbortSignal) => Promise<T>;
  intervalMs: number;
  timers: Timers;
  onResult: (result: T) => void;
  onError: (error: unknown) => void;
}

/**
 * Fetches now and then `intervalMs` after each response, so a slow backend is never asked
 * twice at once. Stopping aborts the request in flight and discards its result.
 */
export class Poller<T> {
  private timer: TimerHandle | null = null;
  private abort: AbortController | null = null;
  private stopped = false;

  constructor(private readonly options: PollerOptions<T>) {
    this.poll();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    this.abort = null;
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private poll(): void {
    const abort = new AbortController();
    this.abort = abort;
    this.options.fetch(abort.signal).then(
      (result) => {
        if (this.stopped) return;
        this.options.onResult(result);
        this.scheduleNext();
      },
      (error: unknown) => {
        if (this.stopped) return;
        this.options.onError(error);
        this.scheduleNext();
      },
    );
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.poll();
    }, this.options.intervalMs);
  }
}
