import { TraceLoadError, toErrorInfo } from './errors';
import type { BodyPiece, TraceBody } from './fetchTrace';
import { pieceBytes, pieceText } from './fetchTrace';
import type { TraceLoadErrorInfo } from './protocol';

/**
 * A response body carried over a MessagePort, from the worker that downloads it to the one
 * that parses it.
 *
 * Why two workers: a fetch body is buffered by the browser in a pipe of about half a megabyte.
 * A worker busy parsing stops draining that pipe, and the download stalls until it reads
 * again, so download and parse take turns. A second worker that only reads keeps the pipe
 * drained; its chunks wait in the parsing worker's message queue, which has no limit.
 *
 * The reading worker also decodes the text, which takes that off the busier parser, and sends
 * it in pieces of about a megabyte rather than the network's tens of kilobytes: the parser
 * joins each piece to what it holds, so fewer, larger pieces mean fewer copies.
 */

export type ByteMessage =
  | { kind: 'head'; totalBytes: number | null; what: string }
  | { kind: 'text'; text: string; bytes: number }
  | { kind: 'end' }
  | { kind: 'error'; error: TraceLoadErrorInfo };

/** Characters of decoded text sent per message (see above). */
export const TEXT_PIECE_CHARS = 1 << 20;

/** Sends a body through `port` as decoded text. */
export async function sendBody(open: () => Promise<TraceBody>, port: MessagePort): Promise<void> {
  const post = (message: ByteMessage) => port.postMessage(message);
  try {
    const body = await open();
    post({ kind: 'head', totalBytes: body.totalBytes, what: body.what });
    const decoder = new TextDecoder();
    let parts: string[] = [];
    let chars = 0;
    let bytes = 0;
    const flush = () => {
      if (bytes === 0 && chars === 0) return;
      post({ kind: 'text', text: parts.join(''), bytes });
      parts = [];
      chars = 0;
      bytes = 0;
    };
    for await (const piece of body.chunks) {
      const text = pieceText(piece, decoder);
      parts.push(text);
      chars += text.length;
      bytes += pieceBytes(piece);
      if (chars >= TEXT_PIECE_CHARS) flush();
    }
    parts.push(decoder.decode());
    flush();
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
      } else if (message.kind === 'text') {
        queue.push({ text: message.text, bytes: message.bytes });
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
export class ChunkQueue implements AsyncIterable<BodyPiece> {
  private readonly items: BodyPiece[] = [];
  private head = 0;
  private finished = false;
  private error: Error | null = null;
  private wake: (() => void) | null = null;

  push(chunk: BodyPiece): void {
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

  async *[Symbol.asyncIterator](): AsyncGenerator<BodyPiece> {
    for (;;) {
      if (this.error) throw this.error;
      if (this.head < this.items.length) {
        const chunk = this.items[this.head] as BodyPiece;
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
