import { REFRESH_INTERVALS, parseRefresh, refreshToMs } from './refresh';

describe('parseRefresh', () => {
  it.each(REFRESH_INTERVALS)('accepts %s', (interval) => {
    expect(parseRefresh(interval)).toEqual({ ok: true, value: interval });
  });

  it('treats an absent or empty value as off', () => {
    expect(parseRefresh(null)).toEqual({ ok: true, value: 'off' });
    expect(parseRefresh('')).toEqual({ ok: true, value: 'off' });
    expect(parseRefresh('  ')).toEqual({ ok: true, value: 'off' });
  });

  it('trims whitespace', () => {
    expect(parseRefresh(' 30s ')).toEqual({ ok: true, value: '30s' });
  });

  it.each(['7s', '1h', '5M', 'OFF', 'auto', '30'])(
    'rejects %j and lists the valid values',
    (value) => {
      expect(parseRefresh(value)).toEqual({
        ok: false,
        error: `Unknown refresh interval "${value}" (expected one of off, 5s, 10s, 30s, 1m, 5m)`,
      });
    },
  );
});

describe('refreshToMs', () => {
  it('converts each interval to milliseconds, and off to null', () => {
    expect(REFRESH_INTERVALS.map(refreshToMs)).toEqual([
      null,
      5_000,
      10_000,
      30_000,
      60_000,
      300_000,
    ]);
  });
});
