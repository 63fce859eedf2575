/**
 * Shares one in-flight request between identical callers (several panels asking the same
 * query at the same refresh). Each caller may stop waiting with its own signal; the shared
 * request is cancelled only when every caller has stopped waiting.
 */

export interface DedupeOptions {
  /** The caller's own signal: aborting it ends this caller's wait only. */
  signal?: AbortSignal;
  /** The error a caller receives when its own signal aborts. */
  abortError: () => Error;
}

export interface InflightDeduper {
  /**
   * Runs `start` unless a request with the same `key` is in flight, in which case the caller
   * joins it. `start` receives the signal that cancels the shared request.
   * Callers that join receive the same result object: treat it as read-only.
   */
  run<T>(key: string, start: (signal: AbortSignal) => Promise<T>, opts: DedupeOptions): Promise<T>;
  /** Number of distinct requests in flight. */
  readonly size: number;
}

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

export function createInflightDeduper(): InflightDeduper {
  const inflight = new Map<string, Entry>();

  const forget = (key: string, entry: Entry) => {
    if (inflight.get(key) === entry) inflight.delete(key);
  };

  const open = (key: string, start: (signal: AbortSignal) => Promise<unknown>): Entry => {
    const controller = new AbortController();
    const entry: Entry = { controller, waiters: 0, promise: Promise.resolve() };
    // `new Promise` turns a synchronous throw in `start` into a rejection.
    entry.promise = new Promise((resolve) => resolve(start(controller.signal))).finally(() =>
      forget(key, entry),
    );
    inflight.set(key, entry);
    return entry;
  };

  return {
    get size() {
      return inflight.size;
    },

    run<T>(
      key: string,
      start: (signal: AbortSignal) => Promise<T>,
      { signal, abortError }: DedupeOptions,
    ): Promise<T> {
      if (signal?.aborted) return Promise.reject(abortError());
      const entry = inflight.get(key) ?? open(key, start);
      entry.waiters += 1;

      return new Promise<T>((resolve, reject) => {
        let settled = false;
        const onAbort = () => {
          if (settled) return;
          settled = true;
          entry.waiters -= 1;
          if (entry.waiters === 0) {
            // Nobody is left waiting: free the key first so a new caller starts afresh.
            forget(key, entry);
            entry.controller.abort();
          }
          reject(abortError());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        entry.promise.then(
          (value) => {
            if (settled) return;
            settled = true;
            signal?.removeEventListener('abort', onAbort);
            resolve(value as T);
          },
          (error: unknown) => {
            if (settled) return;
            settled = true;
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        );
      });
    },
  };
}
