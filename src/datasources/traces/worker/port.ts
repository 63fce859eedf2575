import type { DataSourceError } from '@/datasources/http';
import { cancelled, fromErrorInfo } from './errors';
import type { LoadProgress, WorkerRequest, WorkerResponse } from './protocol';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type Request = WithoutId<WorkerRequest>;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: LoadProgress) => void;
}

/** The trace engine failed (its worker did not start, or stopped). */
export class WorkerFailure extends Error {}

/**
 * Request/response over the engine's messages: each request gets an id, its answer settles
 * the promise, progress messages go to the request's listener, and an aborted signal cancels
 * it in the engine too.
 */
export class Port {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private answered = false;
  private terminated = false;
  /** Set once the engine has died: later requests fail at once instead of waiting forever. */
  private failure: Error | null = null;

  constructor(
    readonly mode: 'worker' | 'in-thread',
    private readonly send: (request: WorkerRequest, transfer: Transferable[]) => void,
    private readonly stop: () => void,
  ) {}

  request<T>(
    request: Request,
    signal?: AbortSignal,
    onProgress?: (progress: LoadProgress) => void,
    transfer: Transferable[] = [],
  ): Promise<T> {
    if (this.terminated) return Promise.reject(disposed());
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(aborted());
      const onAbort = () => {
        this.send({ type: 'cancel', id }, []);
        this.settle(id)?.reject(aborted());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value as T);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
        onProgress,
      });
      this.send({ ...request, id } as WorkerRequest, transfer);
    });
  }

  receive(message: WorkerResponse): void {
    this.answered = true;
    if (message.type === 'progress') {
      this.pending.get(message.id)?.onProgress?.(message.progress);
    } else if (message.type === 'result') {
      this.settle(message.id)?.resolve(message.value);
    } else {
      this.settle(message.id)?.reject(fromErrorInfo(message.error));
    }
  }

  /** The engine died: every open request, and every later one, fails with this reason. */
  fail(error: Error): void {
    this.failure ??= error;
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(error);
  }

  /** True when a worker failed before answering anything: the caller may try another way. */
  failedToStart(error: unknown): boolean {
    return this.mode === 'worker' && !this.answered && error instanceof WorkerFailure;
  }

  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.stop();
    this.fail(disposed());
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    return pending;
  }
}

export function aborted(): DataSourceError {
  return cancelled();
}

function disposed(): DataSourceError {
  return cancelled('The trace was closed.');
}
