// @vitest-environment node
/// <reference types="node" />
// A zone with a half-hour offset shows whether hour rounding follows the local clock.
const previousTz = process.env.TZ;
process.env.TZ = 'Asia/Kolkata';

import { parseTimeExpr } from './parse';

afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

const iso = (s: string) => Date.parse(s);

describe('browser zone Asia/Kolkata (UTC+05:30)', () => {
  it('really runs in Asia/Kolkata', () => {
    expect(new Date('2026-01-01T00:00:00Z').getTimezoneOffset()).toBe(-330);
  });

  it('rounds hours to the local hour, which starts at half past in UTC', () => {
    const now = iso('2026-01-01T10:10:00Z'); // 15:40 local
    const opts = { now, tz: 'browser' } as const;
    expect(parseTimeExpr('now/h', { ...opts, roundUp: false })).toEqual({
      ok: true,
      value: iso('2026-01-01T09:30:00.000Z'),
    });
    expect(parseTimeExpr('now/h', { ...opts, roundUp: true })).toEqual({
      ok: true,
      value: iso('2026-01-01T10:29:59.999Z'),
    });
    expect(parseTimeExpr('now/h', { now, tz: 'utc', roundUp: false })).toEqual({
      ok: true,
      value: iso('2026-01-01T10:00:00.000Z'),
    });
  });

  it('rounds days to local midnight', () => {
    const now = iso('2026-01-01T20:00:00Z'); // 01:30 on 2 January, local
    expect(parseTimeExpr('now/d', { now, roundUp: false, tz: 'browser' })).toEqual({
      ok: true,
      value: iso('2026-01-01T18:30:00.000Z'),
    });
  });
});
