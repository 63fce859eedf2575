// @vitest-environment node
import { createInflightDeduper } from './dedupe';

class CancelledError extends Error {}
const abortError = () => new CancelledError('cancelled');

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A request that settles when the test says so and remembers the signal it was given. */
function controllableRequest<T>() {
  const pending = deferred<T>();
  const signals: AbortSignal[] = [];
  const start = vi.fn((signal: AbortSignal) => {
    signals.push(signal);
    return pending.promise;
  });
  return { start, signals, ...pending };
}

describe('createInflightDeduper', () => {
  it('shares one request between identical callers', async () => {
    const deduper = createInflightDeduper();
    const req = controllableRequest<{ rows: number }>();
    const a = deduper.run('k', req.start, { abortError });
    const b = deduper.run('k', req.start, { abortError });
    expect(deduper.size).toBe(1);
    req.resolve({ rows: 3 });
    const [ra, rb] = await Promise.all([a, b]);
    expect(req.start).toHaveBeenCalledTimes(1);
    expect(ra).toEqual({ rows: 3 });
    expect(rb).toBe(ra);
  });

  it('runs separate requests for different keys', async () => {
    const deduper = createInflightDeduper();
    const start = vi.fn(async (_signal: AbortSignal) => 'ok');
    await Promise.all([
      deduper.run('a', start, { abortError }),
      deduper.run('b', start, { abortError }),
    ]);
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('starts afresh once the previous request has settled', async () => {
    const deduper = createInflightDeduper();
    const start = vi.fn(async (_signal: AbortSignal) => 'ok');
    await deduper.run('k', start, { abortError });
    expect(deduper.size).toBe(0);
    await deduper.run('k', start, { abortError });
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('shares a failure with every caller', async () => {
    const deduper = createInflightDeduper();
    const req = controllableRequest<string>();
    const a = deduper.run('k', req.start, { abortError });
    const b = deduper.run('k', req.start, { abortError });
    req.reject(new Error('HTTP 500'));
    await expect(a).rejects.toThrow('HTTP 500');
    await expect(b).rejects.toThrow('HTTP 500');
    expect(deduper.size).toBe(0);
  });

  it('lets one caller stop waiting without cancelling the others', async () => {
    const deduper = createInflightDeduper();
    const req = controllableRequest<string>();
    const leaving = new AbortController();
    const a = deduper.run('k', req.start, { abortError, signal: leaving.signal });
    const b = deduper.run('k', req.start, { abortError });
    leaving.abort();
    await expect(a).rejects.toBeInstanceOf(CancelledError);
    expect(req.signals[0]?.aborted).toBe(false);
    req.resolve('data');
    await expect(b).resolves.toBe('data');
  });

  it('cancels the shared request when every caller has aborted', async () => {
    const deduper = createInflightDeduper();
    const req = controllableRequest<string>();
    const one = new AbortController();
    const two = new AbortController();
    const a = deduper.run('k', req.start, { abortError, signal: one.signal });
    const b = deduper.run('k', req.start, { abortError, signal: two.signal });
    one.abort();
    expect(req.signals[0]?.aborted).toBe(false);
    two.abort();
    await expect(a).rejects.toBeInstanceOf(CancelledError);
    await expect(b).rejects.toBeInstanceOf(CancelledError);
    expect(req.signals[0]?.aborted).toBe(true);
    expect(deduper.size).toBe(0);

    // A caller arriving after the cancellation gets a new request, not the cancelled one.
    const next = vi.fn(async (_signal: AbortSignal) => 'fresh');
    await expect(deduper.run('k', next, { abortError })).resolves.toBe('fresh');
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('rejects an already-aborted caller without starting anything', async () => {
    const deduper = createInflightDeduper();
    const start = vi.fn(async (_signal: AbortSignal) => 'ok');
    await expect(
      deduper.run('k', start, { abortError, signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(start).not.toHaveBeenCalled();
  });

  it('turns a synchronous throw in start into a rejection', async () => {
    const deduper = createInflightDeduper();
    const start = (): Promise<string> => {
      throw new Error('bad url');
    };
    await expect(deduper.run('k', start, { abortError })).rejects.toThrow('bad url');
    expect(deduper.size).toBe(0);
  });
});
