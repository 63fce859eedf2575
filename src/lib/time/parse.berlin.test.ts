// @vitest-environment node
/// <reference types="node" />
// Local-zone ('browser') behaviour needs a zone with daylight saving. Node applies a change of
// process.env.TZ immediately; the first test proves the zone really is in effect.
const previousTz = process.env.TZ;
process.env.TZ = 'Europe/Berlin';

import { describeRange } from './describe';
import { formatTimestamp } from './formatTimestamp';
import { parseTimeExpr } from './parse';
import { resolveRange } from './range';

afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

const HOUR = 3_600_000;
const iso = (s: string) => Date.parse(s);

function local(expr: string, now: number, roundUp = false): number {
  const result = parseTimeExpr(expr, { now, roundUp, tz: 'browser' });
  if (!result.ok) throw new Error(`expected ${expr} to parse, got: ${result.error}`);
  return result.value;
}

// In 2026 Berlin springs forward on Sunday 29 March (02:00 CET → 03:00 CEST, at 01:00 UTC)
// and falls back on Sunday 25 October (03:00 CEST → 02:00 CET, at 01:00 UTC).
describe('browser zone Europe/Berlin', () => {
  it('really runs in Europe/Berlin', () => {
    expect(new Date('2026-03-28T12:00:00Z').getTimezoneOffset()).toBe(-60);
    expect(new Date('2026-03-29T12:00:00Z').getTimezoneOffset()).toBe(-120);
    expect(new Date('2026-10-26T12:00:00Z').getTimezoneOffset()).toBe(-60);
  });

  describe('spring forward (23-hour day)', () => {
    const noonCest = iso('2026-03-29T10:00:00Z'); // 12:00 CEST

    it('now-1d keeps the wall-clock time, so it is 23 hours back', () => {
      expect(local('now-1d', noonCest)).toBe(iso('2026-03-28T11:00:00Z')); // 12:00 CET
      expect(noonCest - local('now-1d', noonCest)).toBe(23 * HOUR);
    });

    it('now-24h is a fixed duration and lands on a different wall-clock hour', () => {
      expect(local('now-24h', noonCest)).toBe(iso('2026-03-28T10:00:00Z')); // 11:00 CET
    });

    it('now/d spans local midnight to local midnight: 23 hours', () => {
      const from = local('now/d', noonCest);
      const to = local('now/d', noonCest, true);
      expect(from).toBe(iso('2026-03-28T23:00:00.000Z')); // 00:00 CET
      expect(to).toBe(iso('2026-03-29T21:59:59.999Z')); // 23:59:59.999 CEST
      expect(to + 1 - from).toBe(23 * HOUR);
    });

    it('resolves a wall-clock time inside the skipped hour forward by the gap', () => {
      const next = iso('2026-03-30T00:30:00Z'); // 02:30 CEST on Monday
      // 02:30 on Sunday does not exist; it becomes 03:30 CEST.
      expect(local('now-1d', next)).toBe(iso('2026-03-29T01:30:00Z'));
    });

    it('today, resolved as a range, is 23 hours long', () => {
      const range = resolveRange({ from: 'now/d', to: 'now/d' }, noonCest, 'browser');
      expect(range.ok && range.value.to + 1 - range.value.from).toBe(23 * HOUR);
    });
  });

  describe('fall back (25-hour day)', () => {
    const noonCet = iso('2026-10-25T11:00:00Z'); // 12:00 CET

    it('now-1d keeps the wall-clock time, so it is 25 hours back', () => {
      expect(local('now-1d', noonCet)).toBe(iso('2026-10-24T10:00:00Z')); // 12:00 CEST
      expect(noonCet - local('now-1d', noonCet)).toBe(25 * HOUR);
    });

    it('now/d spans local midnight to local midnight: 25 hours', () => {
      const from = local('now/d', noonCet);
      const to = local('now/d', noonCet, true);
      expect(from).toBe(iso('2026-10-24T22:00:00.000Z')); // 00:00 CEST
      expect(to).toBe(iso('2026-10-25T22:59:59.999Z')); // 23:59:59.999 CET
      expect(to + 1 - from).toBe(25 * HOUR);
    });

    it('now/h in the repeated hour rounds within the same pass of that hour', () => {
      const secondPass = iso('2026-10-25T01:30:00Z'); // 02:30 CET, the second 02:30
      expect(local('now/h', secondPass)).toBe(iso('2026-10-25T01:00:00.000Z'));
      expect(local('now/h', secondPass, true)).toBe(iso('2026-10-25T01:59:59.999Z'));
    });

    it('resolves an ambiguous wall-clock time to its first occurrence', () => {
      const next = iso('2026-10-26T01:30:00Z'); // 02:30 CET on Monday
      expect(local('now-1d', next)).toBe(iso('2026-10-25T00:30:00Z')); // 02:30 CEST
    });
  });

  it('rounds days to local midnight, not UTC midnight', () => {
    const lateUtc = iso('2026-06-15T23:30:00Z'); // already 01:30 CEST on the 16th
    expect(local('now/d', lateUtc)).toBe(iso('2026-06-15T22:00:00.000Z'));
    const utc = parseTimeExpr('now/d', { now: lateUtc, roundUp: false, tz: 'utc' });
    expect(utc).toEqual({ ok: true, value: iso('2026-06-15T00:00:00.000Z') });
  });

  it('rounds a week containing the spring-forward day to Monday local midnight (167 h)', () => {
    const sunday = iso('2026-03-29T10:00:00Z');
    const from = local('now/w', sunday);
    const to = local('now/w', sunday, true);
    expect(from).toBe(iso('2026-03-22T23:00:00.000Z')); // Mon 23 March 00:00 CET
    expect(to).toBe(iso('2026-03-29T21:59:59.999Z'));
    expect(to + 1 - from).toBe(167 * HOUR);
  });

  it('rounds a month and a year in local time', () => {
    const march = iso('2026-03-15T12:00:00Z');
    expect(local('now/M', march)).toBe(iso('2026-02-28T23:00:00.000Z')); // 1 March 00:00 CET
    expect(local('now/M', march, true)).toBe(iso('2026-03-31T21:59:59.999Z')); // CEST
    expect(local('now/y', march)).toBe(iso('2025-12-31T23:00:00.000Z'));
    expect(local('now/y', march, true)).toBe(iso('2026-12-31T22:59:59.999Z'));
  });

  it('reads an ISO date without an offset as local time', () => {
    expect(local('2026-03-29T12:00', 0)).toBe(iso('2026-03-29T10:00:00Z'));
    expect(local('2026-01-15', 0)).toBe(iso('2026-01-14T23:00:00Z'));
    expect(local('2026-01-15T00:00:00Z', 0)).toBe(iso('2026-01-15T00:00:00Z'));
  });

  it('formats timestamps in local time or UTC', () => {
    const t = iso('2026-07-01T22:05:09Z');
    expect(formatTimestamp(t, 'browser')).toBe('2026-07-02 00:05:09');
    expect(formatTimestamp(t, 'utc')).toBe('2026-07-01 22:05:09');
    expect(formatTimestamp(iso('2026-10-25T01:30:00Z'), 'browser')).toBe('2026-10-25 02:30:00');
  });

  it('shows epoch-ms range ends as local dates', () => {
    const raw = {
      from: String(iso('2026-01-01T23:00:00Z')),
      to: String(iso('2026-01-02T23:00:00Z')),
    };
    expect(describeRange(raw)).toBe('2026-01-02 00:00:00 → 2026-01-03 00:00:00');
  });
});
