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
  /** `held`: keep the pieces unparsed until `release` (see `BodyScan`). */
  | { kind: 'head'; totalBytes: number | null; what: string; held: boolean }
  | { kind: 'text'; text: string; bytes: number }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'release' }
  | { kind: 'end' }
  | { kind: 'error'; error: TraceLoadErrorInfo };

/**
 * Reads the body's bytes beside the download (the quick first look, jaegerScan.ts). While it
 * reads, the parser holds its pieces: both would otherwise share the two cores with the page
 * and each other, and the quick look is what the first rows wait for.
 */
export interface BodyScan {
  /** Returns false once it has given up; the parser then starts at once. */
  push(bytes: Uint8Array): boolean;
  /**
   * The body has ended. The parser is released once this returns, or once the promise it
   * returns settles (the fetch worker waits for the rows to be on screen: see fetch.worker.ts).
   */
  finish(): void | Promise<void>;
}

/** Characters of decoded text sent per message (see above). */
export const TEXT_PIECE_CHARS = 1 << 20;

/** Sends a body through `port` as decoded text, first read by `scan` if there is one. */
export async function sendBody(
  open: () => Promise<TraceBody>,
  port: MessagePort,
  scan?: BodyScan,
): Promise<void> {
  const post = (message: ByteMessage) => port.postMessage(message);
  let scanning = scan !== undefined;
  const stopScanning = () => {
    if (!scanning) return;
    scanning = false;
    post({ kind: 'release' });
  };
  try {
    const body = await open();
    post({ kind: 'head', totalBytes: body.totalBytes, what: body.what, held: scanning });
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
      if (scanning && !(isBytes(piece) && scan?.push(piece))) stopScanning();
      // While scanning, this worker's time is the first rows': the parser decodes the bytes.
      if (scan && isBytes(piece)) {
        port.postMessage(
          { kind: 'bytes', bytes: piece } satisfies ByteMessage,
          transferable(piece),
        );
        continue;
      }
      const text = pieceText(piece, decoder);
      parts.push(text);
      chars += text.length;
      bytes += pieceBytes(piece);
      if (chars >= TEXT_PIECE_CHARS) flush();
    }
    parts.push(decoder.decode());
    flush();
    if (scanning) await scan?.finish();
    stopScanning();
    post({ kind: 'end' });
  } catch (error) {
    post({ kind: 'error', error: toErrorInfo(error) });
  } finally {
    port.close();
  }
}

/**
 * Receives a body sent with `sendBody`. Resolves once the response has started (rejects with
 * the fetch's error otherwise); its chunks then arrive as fast as the sender reads them, or
 * once released when held. `onReceived` hears of every piece as it arrives, held or not.
 */
export function receiveBody(
  port: MessagePort,
  signal: AbortSignal,
  onReceived?: (bytes: number) => void,
): Promise<TraceBody> {
  const queue = new ChunkQueue();
  let received = 0;
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
        if (message.held) queue.hold();
        resolve({ totalBytes: message.totalBytes, what: message.what, chunks: queue });
      } else if (message.kind === 'text') {
        received += message.bytes;
        onReceived?.(received);
        queue.push({ text: message.text, bytes: message.bytes });
      } else if (message.kind === 'bytes') {
        received += message.bytes.byteLength;
        onReceived?.(received);
        queue.push(message.bytes);
      } else if (message.kind === 'release') {
        queue.release();
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
  private held = false;
  private error: Error | null = null;
  private wake: (() => void) | null = null;

  push(chunk: BodyPiece): void {
    this.items.push(chunk);
    this.notify();
  }

  /** Readers wait, even for pieces already here, until `release`. */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
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
      if (this.held) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      if (this.head < this.items.length) {
        const chunk = this.items[this.head] as BodyPiece;
        // Drop the reference so parsed chunks can be collected.
        this.items[this.head++] = EMPTY;
        yield isBytes(chunk) ? this.joinBytes(chunk) : chunk;
        continue;
      }
      if (this.finished) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /**
   * Network-sized byte chunks already waiting (a held body) are joined into pieces of about a
   * megabyte: the parser copies what it holds at each piece, so fewer pieces mean less copying.
   */
  private joinBytes(first: Uint8Array): Uint8Array {
    let end = this.head;
    let length = first.byteLength;
    while (end < this.items.length && length < TEXT_PIECE_CHARS) {
      const next = this.items[end] as BodyPiece;
      if (!isBytes(next)) break;
      length += next.byteLength;
      end++;
    }
    if (end === this.head) return first;
    const joined = new Uint8Array(length);
    joined.set(first);
    let at = first.byteLength;
    for (; this.head < end; this.head++) {
      const next = this.items[this.head] as Uint8Array;
      joined.set(next, at);
      at += next.byteLength;
      this.items[this.head] = EMPTY;
    }
    return joined;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

const EMPTY = new Uint8Array(0);

function isBytes(piece: BodyPiece): piece is Uint8Array {
  return ArrayBuffer.isView(piece);
}

/** The chunk's buffer, to hand over rather than copy, when the chunk is all of it. */
function transferable(bytes: Uint8Array): Transferable[] {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === buffer.byteLength
    ? [buffer]
    : [];
}
