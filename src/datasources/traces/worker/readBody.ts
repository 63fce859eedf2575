import type { DataSourceError } from '@/datasources/http';
import { loadError } from './errors';
import { StreamingJsonParser } from './streamingJson';

/** A piece of a body as bytes, or already decoded (with the byte count it came from). */
export type BodyPiece = Uint8Array | DecodedText;

export interface DecodedText {
  text: string;
  bytes: number;
}

/** The text of a piece: bytes are decoded with `decoder` (streaming, so split characters join). */
export function pieceText(piece: BodyPiece, decoder: TextDecoder): string {
  return isBytes(piece) ? decoder.decode(piece, { stream: true }) : piece.text;
}

export function pieceBytes(piece: BodyPiece): number {
  return isBytes(piece) ? piece.byteLength : piece.bytes;
}

// Not `instanceof`: bodies may come from another realm's Uint8Array (a worker, a test runner).
function isBytes(piece: BodyPiece): piece is Uint8Array {
  return ArrayBuffer.isView(piece);
}

/** A trace body still arriving: from the backend, or carried over from the fetch worker. */
export interface TraceBody {
  /** From Content-Length; null when unknown or compressed. */
  totalBytes: number | null;
  /** Names the body in messages: "Jaeger's response". */
  what: string;
  chunks: AsyncIterable<BodyPiece>;
}

/** How often progress is reported while bytes arrive. */
export const PROGRESS_EVERY_MS = 100;

export interface ReadProgress {
  loadedBytes: number;
  totalBytes: number | null;
}

export interface ReadOptions {
  totalBytes: number | null;
  onProgress?: (progress: ReadProgress) => void;
  /** Names the document in messages: "Jaeger's response", "The file". */
  what: string;
}

export interface ReadResult {
  /** The parsed document; several top-level JSON values (NDJSON) come as an array of them. */
  value: unknown;
  documents: number;
  bytes: number;
}

/**
 * Reads JSON text arriving as byte chunks, parsing it as it comes (see `StreamingJsonParser`).
 * Invalid JSON becomes a `DataSourceError` of kind `parse`.
 */
export async function readJsonChunks(
  chunks: AsyncIterable<BodyPiece>,
  { totalBytes, onProgress, what }: ReadOptions,
): Promise<ReadResult> {
  const decoder = new TextDecoder();
  const parser = new StreamingJsonParser();
  let bytes = 0;
  let reported = 0;
  try {
    for await (const piece of chunks) {
      bytes += pieceBytes(piece);
      parser.push(pieceText(piece, decoder));
      const now = performance.now();
      if (onProgress && now - reported >= PROGRESS_EVERY_MS) {
        reported = now;
        onProgress({ loadedBytes: bytes, totalBytes });
      }
    }
    parser.push(decoder.decode());
    onProgress?.({ loadedBytes: bytes, totalBytes });
    if (bytes === 0) throw invalidJson(what, 'it is empty');
    const value = parser.finish();
    return { value, documents: parser.documents, bytes };
  } catch (error) {
    if (error instanceof SyntaxError) throw invalidJson(what, error.message);
    throw error;
  }
}

/** The chunks of a byte stream; stopping early cancels the stream. */
export async function* streamChunks(
  stream: ReadableStream<Uint8Array>,
  beforeRead?: () => void,
): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      beforeRead?.();
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) void reader.cancel().catch(() => undefined);
  }
}

function invalidJson(what: string, detail: string): DataSourceError {
  return loadError('parse', `${what} is not valid JSON: ${detail}`);
}
