// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ByteMessage, QuickOverviewMessage } from './byteChannel';
import {
  ChunkQueue,
  receiveBody,
  ROWS_SHOWN_WAIT_MS,
  sendBody,
  TEXT_PIECE_CHARS,
} from './byteChannel';
import type { TraceOverview } from './protocol';
import { DataSourceError } from '@/datasources/http';
import { pieceBytes, pieceText, type BodyPiece } from './readBody';

const bytes = (text: string) => new TextEncoder().encode(text);

async function collect(chunks: AsyncIterable<BodyPiece>): Promise<string> {
  const decoder = new TextDecoder();
  let out = '';
  for await (const piece of chunks) out += pieceText(piece, decoder);
  return out + decoder.decode();
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function* from(...parts: string[]) {
  for (const part of parts) yield bytes(part);
}

describe('body over a MessagePort', () => {
  it('delivers the head and every chunk, in order', async () => {
    const channel = new MessageChannel();
    void sendBody(
      async () => ({
        totalBytes: 11,
        what: "Jaeger's response",
        chunks: from('{"a"', ': [1, 2', ']}'),
      }),
      channel.port1,
    );
    const body = await receiveBody(channel.port2, new AbortController().signal);
    expect(body.totalBytes).toBe(11);
    expect(body.what).toBe("Jaeger's response");
    expect(await collect(body.chunks)).toBe('{"a": [1, 2]}');
  });

  it('decodes characters split between network chunks and sends few, large pieces', async () => {
    const channel = new MessageChannel();
    const text = `{"name": "${'é🙂'.repeat(300_000)}"}`;
    const encoded = bytes(text);
    async function* smallChunks() {
      // 1,000-byte chunks cut through the multi-byte characters.
      for (let at = 0; at < encoded.length; at += 1_000) yield encoded.slice(at, at + 1_000);
    }
    void sendBody(
      async () => ({ totalBytes: encoded.length, what: 'x', chunks: smallChunks() }),
      channel.port1,
    );
    const body = await receiveBody(channel.port2, new AbortController().signal);
    const pieces: BodyPiece[] = [];
    for await (const piece of body.chunks) pieces.push(piece);
    const decoder = new TextDecoder();
    expect(pieces.map((p) => pieceText(p, decoder)).join('')).toBe(text);
    expect(pieces.reduce((sum, p) => sum + pieceBytes(p), 0)).toBe(encoded.length);
    expect(pieces.length).toBeLessThanOrEqual(Math.ceil(text.length / TEXT_PIECE_CHARS) + 1);
  });

  it('rejects with the sender’s error when the request fails', async () => {
    const channel = new MessageChannel();
    void sendBody(async () => {
      throw new DataSourceError({
        kind: 'http',
        status: 404,
        message: 'Trace x was not found in Jaeger',
      });
    }, channel.port1);
    await expect(receiveBody(channel.port2, new AbortController().signal)).rejects.toMatchObject({
      status: 404,
      message: 'Trace x was not found in Jaeger',
    });
  });

  it('fails the chunks when the download breaks half way', async () => {
    const channel = new MessageChannel();
    async function* broken() {
      yield bytes('{"a": ');
      throw new DataSourceError({ kind: 'timeout', message: 'Jaeger did not answer within 30 s' });
    }
    void sendBody(async () => ({ totalBytes: null, what: 'x', chunks: broken() }), channel.port1);
    const body = await receiveBody(channel.port2, new AbortController().signal);
    await expect(collect(body.chunks)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('stops waiting when cancelled', async () => {
    const channel = new MessageChannel();
    const controller = new AbortController();
    const pending = receiveBody(channel.port2, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    channel.port1.close();
  });
});

describe('ChunkQueue', () => {
  it('hands out chunks pushed before and after the reader starts waiting', async () => {
    const queue = new ChunkQueue();
    queue.push(bytes('ab'));
    const reading = collect(queue);
    await Promise.resolve();
    queue.push(bytes('cd'));
    setTimeout(() => {
      queue.push(bytes('ef'));
      queue.end();
    }, 5);
    expect(await reading).toBe('abcdef');
  });

  it('scans a quick-look body as it arrives, sends the overview back and holds the parser until the rows are shown', async () => {
    const channel = new MessageChannel();
    const seen: string[] = [];
    const overview = { traceId: 'abc', spanCount: 2 } as TraceOverview;
    const overviews: QuickOverviewMessage[] = [];
    let releaseBody: () => void = () => undefined;
    const bodyEnds = new Promise<void>((resolve) => (releaseBody = resolve));
    async function* slowChunks() {
      yield bytes('{"a": ');
      yield bytes('[1, 2]}');
      await bodyEnds;
    }
    void sendBody(
      async () => ({ totalBytes: 13, what: 'x', chunks: slowChunks() }),
      channel.port1,
      {
        onQuickOverview: (message) => overviews.push(message),
      },
    );
    const received: number[] = [];
    const body = await receiveBody(
      channel.port2,
      new AbortController().signal,
      (n) => received.push(n),
      () => ({
        push: (piece) => {
          seen.push(new TextDecoder().decode(piece));
          return true;
        },
        finish: () => ({ overview, transfer: [] }),
      }),
    );
    const reading = collect(body.chunks);
    let done = false;
    void reading.then(() => (done = true));
    await pause(50);
    // Both chunks have arrived, been counted and scanned, but the parser has been given nothing.
    expect(received).toEqual([6, 13]);
    expect(seen).toEqual(['{"a": ', '[1, 2]}']);
    expect(done).toBe(false);
    releaseBody();
    await pause(50);
    // The body has ended and its overview has reached the sender; the rows are not drawn yet.
    expect(overviews.map((m) => m.overview)).toEqual([overview]);
    expect(done).toBe(false);
    channel.port1.postMessage({ kind: 'rows-shown' } satisfies ByteMessage);
    expect(await reading).toBe('{"a": [1, 2]}');
  });

  it('lets the parser start after a second when the rows are never reported shown', async () => {
    const channel = new MessageChannel();
    void sendBody(async () => ({ totalBytes: 2, what: 'x', chunks: from('[]') }), channel.port1, {
      onQuickOverview: () => undefined,
    });
    const body = await receiveBody(channel.port2, new AbortController().signal, undefined, () => ({
      push: () => true,
      finish: () => ({ overview: {} as TraceOverview, transfer: [] }),
    }));
    const started = performance.now();
    expect(await collect(body.chunks)).toBe('[]');
    expect(performance.now() - started).toBeGreaterThanOrEqual(ROWS_SHOWN_WAIT_MS - 50);
  });

  it('lets the parser start as soon as the scan gives up, and sends no overview', async () => {
    const channel = new MessageChannel();
    let releaseBody: () => void = () => undefined;
    const bodyEnds = new Promise<void>((resolve) => (releaseBody = resolve));
    async function* chunks() {
      yield bytes('[1,');
      await bodyEnds;
      yield bytes('2]');
    }
    const overviews: QuickOverviewMessage[] = [];
    let finished = false;
    void sendBody(async () => ({ totalBytes: null, what: 'x', chunks: chunks() }), channel.port1, {
      onQuickOverview: (message) => overviews.push(message),
    });
    const body = await receiveBody(channel.port2, new AbortController().signal, undefined, () => ({
      push: () => false,
      finish: () => {
        finished = true;
        return null;
      },
    }));
    const iterator = body.chunks[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(new TextDecoder().decode(first.value as Uint8Array)).toBe('[1,');
    releaseBody();
    const rest = await iterator.next();
    expect(new TextDecoder().decode(rest.value as Uint8Array)).toBe('2]');
    expect((await iterator.next()).done).toBe(true);
    expect(finished).toBe(false);
    expect(overviews).toEqual([]);
  });

  it('does not hold a body that was not sent for a quick look', async () => {
    const channel = new MessageChannel();
    let scans = 0;
    void sendBody(async () => ({ totalBytes: 2, what: 'x', chunks: from('[]') }), channel.port1);
    const body = await receiveBody(channel.port2, new AbortController().signal, undefined, () => {
      scans++;
      return { push: () => true, finish: () => null };
    });
    expect(await collect(body.chunks)).toBe('[]');
    expect(scans).toBe(0);
  });
});
