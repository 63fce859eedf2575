import { TraceLoadError, toErrorInfo } from './errors';
import type { TraceBody } from './fetchTrace';
import type { TraceLoadErrorInfo } from './protocol';

/**
 * A response body carried over a MessagePort, from the worker that downloads it to the one
 * that parses it.
 *
 * Why two workers: a fetch body is buffered by the browser in a pipe of about half a megabyte.
 * A worker busy parsing stops draining that pipe, and the download stalls until it reads
 * again, so download and parse take turns. A second worker that only reads keeps the pipe
 * drained; its chunks wait in the parsing worker's message queue, which has no limit.
 */

export type ByteMessage =
  | { kind: 'head'; totalBytes: number | null; what: string }
  | { kind: 'chunk'; bytes: Uint8Array }
  | { kind: 'end' }
  | { kind: 'error'; error: TraceLoadErrorInfo };

/** Sends a body through `port`, handing each chunk over rather than copying it. */
export async function sendBody(open: () => Promise<TraceBody>, port: MessagePort): Promise<void> {
  const post = (message: ByteMessage, transfer: Transferable[] = []) =>
    port.postMessage(message, transfer);
  try {
    const body = await open();
    post({ kind: 'head', totalBytes: body.totalBytes, what: body.what });
    for await (const bytes of body.chunks) post({ kind: 'chunk', bytes }, [bytes.buffer]);
    post({ kind: 'end' });
  } catch (error) {
    post({ kind: 'error', error: toErrorInfo(error) });
  } finally {
    port.close();
  }
}

/**
 * Receives a body sent with `sendBody`. Resolves once the response has started (rejects with
 * the fetch's error otherwise); its chunks then arrive as fast as the sender reads them.
 */
export function receiveBody(port: MessagePort, signal: AbortSignal): Promise<TraceBody> {
  const queue = new ChunkQueue();
  return new Promise<TraceBody>((resolve, reject) => {
    const fail = (error: TraceLoadError) => {
      queue.fail(error);
      reject(error);
      port.close();
    };
    const onAbort = () =>
      fail(new TraceLoadError({ kind: 'aborted', message: 'Loading the trace was cancelled.' }));
    signal.addEventListener('abort', onAbort, { once: true });
    port.onmessage = (event: MessageEvent<ByteMessage>) => {
      const message = event.data;
      if (message.kind === 'head') {
        resolve({ totalBytes: message.totalBytes, what: message.what, chunks: queue });
      } else if (message.kind === 'chunk') {
        queue.push(message.bytes);
      } else if (message.kind === 'end') {
        queue.end();
        signal.removeEventListener('abort', onAbort);
        port.close();
      } else {
        fail(new TraceLoadError(message.error));
      }
    };
  });
}

/** An async iterable fed by `push`; readers wait when it is empty. */
export class ChunkQueue implements AsyncIterable<Uint8Array> {
  private readonly items: Uint8Array[] = [];
  private head = 0;
  private finished = false;
  private error: Error | null = null;
  private wake: (() => void) | null = null;

  push(chunk: Uint8Array): void {
    this.items.push(chunk);
    this.notify();
  }

  end(): void {
    this.finished = true;
    this.notify();
  }

  fail(error: Error): void {
    this.error = error;
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (;;) {
      if (this.error) throw this.error;
      if (this.head < this.items.length) {
        const chunk = this.items[this.head] as Uint8Array;
        // Drop the reference so parsed chunks can be collected.
        this.items[this.head++] = EMPTY;
        yield chunk;
        continue;
      }
      if (this.finished) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

const EMPTY = new Uint8Array(0);
