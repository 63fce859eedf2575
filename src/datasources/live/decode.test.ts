// @vitest-environment node
import { createWarnOnce, decodeFrame } from './decode';
import { metricsSnapshot } from '@/test/live/fixtures';

const valid = {
  type: 'metrics.snapshot',
  seq: 1,
  ts: '2026-03-01T12:00:00.000Z',
  data: metricsSnapshot(),
};

describe('decodeFrame', () => {
  it('validates and normalises a text frame', () => {
    const result = decodeFrame(JSON.stringify(valid));
    expect(result.ok && result.message.ts).toBe(Date.parse('2026-03-01T12:00:00.000Z'));
  });

  it('decodes binary frames as UTF-8 text', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(valid));
    expect(decodeFrame(bytes.buffer).ok).toBe(true);
  });

  it.each([
    ['not-json', '{"type":'],
    ['schema', JSON.stringify({ ...valid, seq: -1 })],
    ['schema', JSON.stringify({ ...valid, type: 'metrics.delta' })],
    ['binary', { some: 'object' }],
  ])('rejects %s', (reason, frame) => {
    expect(decodeFrame(frame)).toMatchObject({ ok: false, reason });
  });

  it('rejects oversized frames without parsing them, counting UTF-8 bytes', () => {
    expect(decodeFrame('x'.repeat(101), 100)).toMatchObject({ ok: false, reason: 'oversized' });
    // 40 characters but 120 bytes.
    expect(decodeFrame('€'.repeat(40), 100)).toMatchObject({ ok: false, reason: 'oversized' });
    expect(decodeFrame(new Uint8Array(101), 100)).toMatchObject({ ok: false, reason: 'oversized' });
  });

  it('names the failing field', () => {
    const frame = JSON.stringify({ ...valid, data: { ...valid.data, successRate: 3 } });
    const result = decodeFrame(frame);
    expect(!result.ok && result.detail).toMatch(/^data\.successRate: /);
  });
});

describe('createWarnOnce', () => {
  it('warns once per reason', () => {
    const warn = vi.fn();
    const warnOnce = createWarnOnce('live stream metrics', warn);
    warnOnce('not-json', 'a');
    warnOnce('not-json', 'b');
    warnOnce('schema', 'c');
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      'live stream metrics: dropped not-json message (a); further ones are only counted',
      'live stream metrics: dropped schema message (c); further ones are only counted',
    ]);
  });
});
