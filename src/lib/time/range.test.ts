import { isRelative, resolveRange, shiftRange, toAbsoluteRaw, zoomOutRange } from './range';

const NOW = Date.parse('2026-03-18T14:37:21.456Z');
const iso = (s: string) => Date.parse(s);

describe('resolveRange', () => {
  it('resolves a relative range against now', () => {
    expect(resolveRange({ from: 'now-1h', to: 'now' }, NOW, 'utc')).toEqual({
      ok: true,
      value: { from: NOW - 3_600_000, to: NOW },
    });
  });

  it('rounds from down and to up, so now/d → now/d is the whole day', () => {
    expect(resolveRange({ from: 'now/d', to: 'now/d' }, NOW, 'utc')).toEqual({
      ok: true,
      value: { from: iso('2026-03-18T00:00:00.000Z'), to: iso('2026-03-18T23:59:59.999Z') },
    });
    expect(resolveRange({ from: 'now-1d/d', to: 'now-1d/d' }, NOW, 'utc')).toEqual({
      ok: true,
      value: { from: iso('2026-03-17T00:00:00.000Z'), to: iso('2026-03-17T23:59:59.999Z') },
    });
  });

  it('accepts absolute ends', () => {
    expect(resolveRange({ from: '1700000000000', to: '2026-01-02T00:00:00Z' }, NOW, 'utc')).toEqual(
      { ok: true, value: { from: 1_700_000_000_000, to: iso('2026-01-02T00:00:00Z') } },
    );
  });

  it('says which end is invalid', () => {
    expect(resolveRange({ from: 'now-5x', to: 'now' }, NOW, 'utc')).toEqual({
      ok: false,
      error: expect.stringMatching(/^From: Unknown unit "x" in "now-5x"/),
    });
    expect(resolveRange({ from: 'now-1h', to: '' }, NOW, 'utc')).toEqual({
      ok: false,
      error: 'To: Time expression is empty',
    });
  });

  it('rejects a range whose from is not before its to', () => {
    const error = { ok: false, error: 'From must be before To' };
    expect(resolveRange({ from: 'now', to: 'now-1h' }, NOW, 'utc')).toEqual(error);
    expect(resolveRange({ from: 'now', to: 'now' }, NOW, 'utc')).toEqual(error);
    expect(resolveRange({ from: '2000', to: '1000' }, NOW, 'utc')).toEqual(error);
  });
});

describe('shiftRange', () => {
  const range = { from: 1_000_000, to: 1_600_000 };

  it('moves back by half the span', () => {
    expect(shiftRange(range, -1)).toEqual({ from: 700_000, to: 1_300_000 });
  });

  it('moves forward by half the span', () => {
    expect(shiftRange(range, 1)).toEqual({ from: 1_300_000, to: 1_900_000 });
  });

  it('keeps whole milliseconds for an odd span', () => {
    const shifted = shiftRange({ from: 0, to: 1_001 }, 1);
    expect(Number.isInteger(shifted.from) && Number.isInteger(shifted.to)).toBe(true);
    expect(shifted.to - shifted.from).toBe(1_001);
  });

  it('stops at now instead of shifting into the future', () => {
    expect(shiftRange(range, 1, 1_700_000)).toEqual({ from: 1_000_000, to: 1_700_000 });
  });

  it('shifts normally when the result stays before now', () => {
    expect(shiftRange(range, 1, 2_000_000)).toEqual({ from: 1_300_000, to: 1_900_000 });
  });

  it('does not clamp a range that already reaches past now', () => {
    expect(shiftRange(range, 1, 1_500_000)).toEqual({ from: 1_300_000, to: 1_900_000 });
  });
});

describe('zoomOutRange', () => {
  it('doubles the span around the same centre by default', () => {
    expect(zoomOutRange({ from: 1_000, to: 2_000 })).toEqual({ from: 500, to: 2_500 });
  });

  it('applies another factor', () => {
    expect(zoomOutRange({ from: 1_000, to: 2_000 }, 3)).toEqual({ from: 0, to: 3_000 });
    expect(zoomOutRange({ from: 1_000, to: 2_000 }, 0.5)).toEqual({ from: 1_250, to: 1_750 });
  });

  it('keeps whole milliseconds and the requested span when the growth is odd', () => {
    const zoomed = zoomOutRange({ from: 0, to: 3 }, 2);
    expect(zoomed.to - zoomed.from).toBe(6);
    expect(zoomed).toEqual({ from: -1, to: 5 });
  });

  it('opens an empty range to 30 seconds around it', () => {
    expect(zoomOutRange({ from: 100_000, to: 100_000 })).toEqual({ from: 85_000, to: 115_000 });
  });

  it('leaves the range unchanged for a non-positive or non-finite factor', () => {
    const range = { from: 1_000, to: 2_000 };
    for (const factor of [0, -2, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(zoomOutRange(range, factor)).toEqual(range);
    }
  });
});

describe('toAbsoluteRaw', () => {
  it('writes epoch milliseconds as strings', () => {
    expect(toAbsoluteRaw({ from: 1_700_000_000_000, to: 1_700_000_360_000 })).toEqual({
      from: '1700000000000',
      to: '1700000360000',
    });
  });

  it('round-trips through resolveRange', () => {
    const range = { from: 1_700_000_000_000, to: 1_700_000_360_000 };
    expect(resolveRange(toAbsoluteRaw(range), NOW, 'utc')).toEqual({ ok: true, value: range });
  });

  it('rounds fractional milliseconds', () => {
    expect(toAbsoluteRaw({ from: 10.4, to: 20.6 })).toEqual({ from: '10', to: '21' });
  });
});

describe('isRelative', () => {
  it.each([
    [{ from: 'now-1h', to: 'now' }, true],
    [{ from: '1700000000000', to: 'now' }, true],
    [{ from: 'now/d', to: '1700000000000' }, true],
    [{ from: '1700000000000', to: '1700000360000' }, false],
    [{ from: '2026-01-01', to: '2026-01-02' }, false],
  ])('%j → %s', (raw, expected) => {
    expect(isRelative(raw)).toBe(expected);
  });
});
