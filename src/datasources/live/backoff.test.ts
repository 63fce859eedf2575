// @vitest-environment node
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';

describe('backoffDelay (full jitter)', () => {
  it('draws uniformly below min(max, base·2^attempt)', () => {
    const almostOne = () => 0.999_999;
    expect(backoffDelay(0, DEFAULT_BACKOFF, almostOne)).toBe(499);
    expect(backoffDelay(3, DEFAULT_BACKOFF, almostOne)).toBe(3_999);
    expect(backoffDelay(10, DEFAULT_BACKOFF, almostOne)).toBe(29_999);
    expect(backoffDelay(5, DEFAULT_BACKOFF, () => 0.5)).toBe(8_000);
  });

  it('can be zero, which spreads a crowd of clients from the very first retry', () => {
    expect(backoffDelay(4, DEFAULT_BACKOFF, () => 0)).toBe(0);
  });

  it('stays finite for very large attempt counts', () => {
    expect(backoffDelay(10_000, DEFAULT_BACKOFF, () => 0.5)).toBe(15_000);
  });
});
