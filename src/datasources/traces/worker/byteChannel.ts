import type { DataSourceError } from '@/datasources/http';
import { cancelled, fromErrorInfo, toErrorInfo, type TraceLoadErrorInfo } from './errors';
import { pieceBytes, pieceText, type BodyPiece, type TraceBody } from './readBody';
import type { Transferable as OverviewTransfer } from './overview';
import type { TraceOverview } from './protocol';

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
  /** `quickLook`: the receiver may scan the bytes and hold them unparsed (see `BodyScan`). */
  | { kind: 'head'; totalBytes: number | null; what: string; quickLook: boolean }
  | { kind: 'text'; text: string; bytes: number }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'end' }
  | { kind: 'error'; error: TraceLoadErrorInfo }
  /** The page has drawn the quick overview's rows: the parser may start. */
  | { kind: 'rows-shown' };

/** From the receiver back to the sender: the overview of the quick look. */
export interface QuickOverviewMessage {
  kind: 'quick-overview';
  overview: TraceOverview;
  /** Its buffers, to hand on rather than copy. */
  buffers: ArrayBuffer[];
}

/**
 * The receiver's quick first look at the bytes as they arrive (jaegerScan.ts), before and
 * beside the full parse. It runs in the parsing worker, not the reading one: a reader busy
 * scanning stops draining the body pipe just as a parser does, and on the 100k-span bench
 * trace download and scan then took turns (about 600 ms for both, against 300 each alone).
 * While it reads, the parser holds its pieces: the two would otherwise share the processor,
 * and the quick look is what the first rows wait for.
 */
export interface BodyScan {
  /** Returns false once it has given up; the parser then starts at once. */
  push(bytes: Uint8Array): boolean;
  /** The body has ended: the overview to draw first, or null if there is none. */
  finish(): OverviewTransfer | null;
}

/**
 * Longest wait, after the quick overview is sent, for the page to say its rows are on screen
 * before the parser starts anyway (a page in a background tab draws nothing). The wait keeps
 * the parse from sharing two cores with the page's first render.
 */
export const ROWS_SHOWN_WAIT_MS = 1000;

/** Characters of decoded text sent per message (see above). */
export const TEXT_PIECE_CHARS = 1 << 20;

/**
 * Sends a body through `port` as decoded text or, when the receiver may take a quick look
 * (`quickLook`), as the raw bytes. The quick look's overview comes back over the port and is
 * handed to `onQuickOverview`; the port then stays open for `rows-shown`.
 */
export async function sendBody(
  open: () => Promise<TraceBody>,
  port: MessagePort,
  quick?: { onQuickOverview: (message: QuickOverviewMessage) => void },
): Promise<void> {
  const post = (message: ByteMessage) => port.postMessage(message);
  let keepOpen = false;
  if (quick) {
    port.onmessage = (event: MessageEvent<QuickOverviewMessage>) => {
      if (event.data.kind === 'quick-overview') quick.onQuickOverview(event.data);
    };
  }
  try {
    const body = await open();
    post({ kind: 'head', totalBytes: body.totalBytes, what: body.what, quickLook: !!quick });
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
      // Bytes for a quick look go as they are: this worker only keeps the pipe drained.
      if (quick && isBytes(piece)) {
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
    post({ kind: 'end' });
    keepOpen = !!quick;
  } catch (error) {
    post({ kind: 'error', error: toErrorInfo(error) });
  } finally {
    if (!keepOpen) port.close();
  }
}

/**
 * Receives a body sent with `sendBody`. Resolves once the response has started (rejects with
 * the fetch's error otherwise); its chunks then arrive as fast as the sender reads them.
 * `onReceived` hears of every piece as it arrives. With `quickLook`, a body sent for one is
 * scanned as it arrives and its pieces held from the parser until the scan gives up, or its
 * overview is sent back and the rows are shown (or `ROWS_SHOWN_WAIT_MS` passes).
 */
export function receiveBody(
  port: MessagePort,
  signal: AbortSignal,
  onReceived?: (bytes: number) => void,
  quickLook?: () => BodyScan,
): Promise<TraceBody> {
  const queue = new ChunkQueue();
  let received = 0;
  let scan: BodyScan | null = null;
  let waitForRows: ReturnType<typeof setTimeout> | undefined;
  const done = () => {
    clearTimeout(waitForRows);
    signal.removeEventListener('abort', onAbort);
    port.close();
  };
  const release = () => {
    queue.release();
    if (waitForRows !== undefined) done();
  };
  let fail: (error: DataSourceError) => void = () => undefined;
  const onAbort = () => fail(cancelled());
  return new Promise<TraceBody>((resolve, reject) => {
    fail = (error) => {
      scan = null;
      queue.fail(error);
      reject(error);
      done();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    port.onmessage = (event: MessageEvent<ByteMessage>) => {
      const message = event.data;
      if (message.kind === 'head') {
        if (message.quickLook && quickLook) {
          scan = quickLook();
          queue.hold();
        }
        resolve({ totalBytes: message.totalBytes, what: message.what, chunks: queue });
      } else if (message.kind === 'text') {
        received += message.bytes;
        onReceived?.(received);
        queue.push({ text: message.text, bytes: message.bytes });
      } else if (message.kind === 'bytes') {
        received += message.bytes.byteLength;
        onReceived?.(received);
        if (scan && !scan.push(message.bytes)) {
          scan = null;
          queue.release();
        }
        queue.push(message.bytes);
      } else if (message.kind === 'end') {
        queue.end();
        const overview = scan?.finish() ?? null;
        scan = null;
        if (!overview) {
          queue.release();
          done();
          return;
        }
        port.postMessage(
          {
            kind: 'quick-overview',
            overview: overview.overview,
            buffers: overview.transfer,
          } satisfies QuickOverviewMessage,
          overview.transfer,
        );
        waitForRows = setTimeout(release, ROWS_SHOWN_WAIT_MS);
      } else if (message.kind === 'rows-shown') {
        if (waitForRows !== undefined) release();
      } else {
        fail(fromErrorInfo(message.error));
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
