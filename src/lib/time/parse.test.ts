import { parseTimeExpr } from './parse';
import type { Result } from './types';

// Wednesday 2026-03-18 14:37:21.456 UTC. Calendar arithmetic here runs in UTC, so these tests do
// not depend on the machine's zone; local-zone behaviour is covered in parse.berlin.test.ts.
const NOW = Date.parse('2026-03-18T14:37:21.456Z');
const iso = (s: string) => Date.parse(s);

function at(expr: string, now = NOW, roundUp = false): number {
  const result = parseTimeExpr(expr, { now, roundUp, tz: 'utc' });
  if (!result.ok) throw new Error(`expected ${expr} to parse, got: ${result.error}`);
  return result.value;
}

function errorOf(expr: string, now = NOW): string {
  const result: Result<number> = parseTimeExpr(expr, { now, roundUp: false, tz: 'utc' });
  if (result.ok)
    throw new Error(`expected ${expr} to fail, got ${new Date(result.value).toISOString()}`);
  return result.error;
}

describe('parseTimeExpr: relative arithmetic', () => {
  it('returns now for "now", ignoring surrounding whitespace', () => {
    expect(at('now')).toBe(NOW);
    expect(at('  now ')).toBe(NOW);
  });

  it.each([
    ['now-30s', '2026-03-18T14:36:51.456Z'],
    ['now-5m', '2026-03-18T14:32:21.456Z'],
    ['now+1h', '2026-03-18T15:37:21.456Z'],
    ['now-24h', '2026-03-17T14:37:21.456Z'],
    ['now-1d', '2026-03-17T14:37:21.456Z'],
    ['now-2w', '2026-03-04T14:37:21.456Z'],
    ['now-1M', '2026-02-18T14:37:21.456Z'],
    ['now+1y', '2027-03-18T14:37:21.456Z'],
    ['now-90d', '2025-12-18T14:37:21.456Z'],
    ['now-0m', '2026-03-18T14:37:21.456Z'],
  ])('%s → %s', (expr, expected) => {
    expect(at(expr)).toBe(iso(expected));
  });

  it('reads a missing amount as 1, as Grafana does', () => {
    expect(at('now-d')).toBe(at('now-1d'));
    expect(at('now+h')).toBe(at('now+1h'));
  });

  it('applies a chain of operations left to right', () => {
    expect(at('now-1h-30m')).toBe(iso('2026-03-18T13:07:21.456Z'));
    expect(at('now-1h/d')).toBe(iso('2026-03-18T00:00:00.000Z'));
    expect(at('now/d-1h')).toBe(iso('2026-03-17T23:00:00.000Z'));
    expect(at('now/d+1d-1s')).toBe(iso('2026-03-18T23:59:59.000Z'));
  });
});

describe('parseTimeExpr: rounding', () => {
  it.each([
    ['now/s', '2026-03-18T14:37:21.000Z', '2026-03-18T14:37:21.999Z'],
    ['now/m', '2026-03-18T14:37:00.000Z', '2026-03-18T14:37:59.999Z'],
    ['now/h', '2026-03-18T14:00:00.000Z', '2026-03-18T14:59:59.999Z'],
    ['now/d', '2026-03-18T00:00:00.000Z', '2026-03-18T23:59:59.999Z'],
    ['now-1d/d', '2026-03-17T00:00:00.000Z', '2026-03-17T23:59:59.999Z'],
    ['now/M', '2026-03-01T00:00:00.000Z', '2026-03-31T23:59:59.999Z'],
    ['now-1M/M', '2026-02-01T00:00:00.000Z', '2026-02-28T23:59:59.999Z'],
    ['now/y', '2026-01-01T00:00:00.000Z', '2026-12-31T23:59:59.999Z'],
    ['now-1y/y', '2025-01-01T00:00:00.000Z', '2025-12-31T23:59:59.999Z'],
  ])('%s rounds down to %s and up to %s', (expr, down, up) => {
    expect(at(expr, NOW, false)).toBe(iso(down));
    expect(at(expr, NOW, true)).toBe(iso(up));
  });

  it('starts weeks on Monday', () => {
    // NOW is a Wednesday.
    expect(at('now/w')).toBe(iso('2026-03-16T00:00:00.000Z'));
    expect(at('now/w', NOW, true)).toBe(iso('2026-03-22T23:59:59.999Z'));
    const sunday = iso('2026-03-22T23:59:59.999Z');
    expect(at('now/w', sunday)).toBe(iso('2026-03-16T00:00:00.000Z'));
    const mondayMidnight = iso('2026-03-23T00:00:00.000Z');
    expect(at('now/w', mondayMidnight)).toBe(mondayMidnight);
    expect(at('now-1w/w', NOW, true)).toBe(iso('2026-03-15T23:59:59.999Z'));
  });

  it('rounds a week that spans a month and a year boundary', () => {
    const thursday = iso('2026-01-01T12:00:00Z');
    expect(at('now/w', thursday)).toBe(iso('2025-12-29T00:00:00.000Z'));
    expect(at('now/w', thursday, true)).toBe(iso('2026-01-04T23:59:59.999Z'));
  });

  it('rounds February to its last day in leap and non-leap years', () => {
    const feb2024 = iso('2024-02-10T08:00:00Z');
    expect(at('now/M', feb2024)).toBe(iso('2024-02-01T00:00:00.000Z'));
    expect(at('now/M', feb2024, true)).toBe(iso('2024-02-29T23:59:59.999Z'));
    const feb2026 = iso('2026-02-10T08:00:00Z');
    expect(at('now/M', feb2026, true)).toBe(iso('2026-02-28T23:59:59.999Z'));
    const feb2100 = iso('2100-02-10T08:00:00Z'); // divisible by 100, not by 400: not leap
    expect(at('now/M', feb2100, true)).toBe(iso('2100-02-28T23:59:59.999Z'));
    const feb2000 = iso('2000-02-10T08:00:00Z'); // divisible by 400: leap
    expect(at('now/M', feb2000, true)).toBe(iso('2000-02-29T23:59:59.999Z'));
  });

  it('crosses the December → January year boundary', () => {
    const dec = iso('2025-12-31T23:30:00Z');
    expect(at('now/M', dec, true)).toBe(iso('2025-12-31T23:59:59.999Z'));
    expect(at('now/y', dec, true)).toBe(iso('2025-12-31T23:59:59.999Z'));
    const jan = iso('2026-01-05T10:00:00Z');
    expect(at('now-1M/M', jan)).toBe(iso('2025-12-01T00:00:00.000Z'));
    expect(at('now-1M/M', jan, true)).toBe(iso('2025-12-31T23:59:59.999Z'));
    expect(at('now+1M', iso('2025-12-15T00:00:00Z'))).toBe(iso('2026-01-15T00:00:00.000Z'));
  });

  it('leaves a value without /unit alone when rounding up', () => {
    expect(at('now-5m', NOW, true)).toBe(at('now-5m', NOW, false));
  });
});

describe('parseTimeExpr: month and year clamping', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(at('now-1M', iso('2026-03-31T10:00:00Z'))).toBe(iso('2026-02-28T10:00:00Z'));
    expect(at('now-1M', iso('2024-03-31T10:00:00Z'))).toBe(iso('2024-02-29T10:00:00Z'));
    expect(at('now+1M', iso('2026-01-31T10:00:00Z'))).toBe(iso('2026-02-28T10:00:00Z'));
    expect(at('now-1M', iso('2026-05-31T10:00:00Z'))).toBe(iso('2026-04-30T10:00:00Z'));
  });

  it('clamps each step of a chain, so two -1M steps differ from one -2M step', () => {
    const mar31 = iso('2026-03-31T10:00:00Z');
    expect(at('now-1M-1M', mar31)).toBe(iso('2026-01-28T10:00:00Z'));
    expect(at('now-2M', mar31)).toBe(iso('2026-01-31T10:00:00Z'));
  });

  it('moves Feb 29 to Feb 28 in a non-leap year', () => {
    const leapDay = iso('2024-02-29T06:00:00Z');
    expect(at('now+1y', leapDay)).toBe(iso('2025-02-28T06:00:00Z'));
    expect(at('now+4y', leapDay)).toBe(iso('2028-02-29T06:00:00Z'));
    expect(at('now-12M', leapDay)).toBe(iso('2023-02-28T06:00:00Z'));
  });
});

describe('parseTimeExpr: absolute values', () => {
  it('reads all digits as epoch milliseconds', () => {
    expect(at('1700000000000')).toBe(1_700_000_000_000);
    expect(at('0')).toBe(0);
  });

  it('ignores roundUp for absolute values', () => {
    expect(at('1700000000000', NOW, true)).toBe(1_700_000_000_000);
    expect(at('2026-01-02', NOW, true)).toBe(iso('2026-01-02T00:00:00Z'));
  });

  it.each([
    ['2026-01-02T03:04:05Z', '2026-01-02T03:04:05.000Z'],
    ['2026-01-02T03:04:05.678Z', '2026-01-02T03:04:05.678Z'],
    ['2026-01-02T03:04:05.6789Z', '2026-01-02T03:04:05.678Z'],
    ['2026-01-02T03:04:05.6Z', '2026-01-02T03:04:05.600Z'],
    ['2026-01-02T03:04:05+02:00', '2026-01-02T01:04:05.000Z'],
    ['2026-01-02T03:04:05-0530', '2026-01-02T08:34:05.000Z'],
    ['2026-01-02 03:04', '2026-01-02T03:04:00.000Z'],
    ['2026-01-02', '2026-01-02T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('reads ISO %s as %s (no offset = the chosen zone, here UTC)', (text, expected) => {
    expect(at(text)).toBe(iso(expected));
  });

  it('reads a year below 100 literally rather than as 19xx', () => {
    expect(new Date(at('0042-06-01T00:00:00Z')).getUTCFullYear()).toBe(42);
    expect(new Date(at('0042-06-01')).getUTCFullYear()).toBe(42);
  });
});

describe('parseTimeExpr: errors', () => {
  it.each([
    ['', 'Time expression is empty'],
    ['   ', 'Time expression is empty'],
    ['now-5x', 'Unknown unit "x" in "now-5x"'],
    ['now/q', 'Unknown unit "q" in "now/q"'],
    ['now/dd', 'Unknown unit "dd" in "now/dd"'],
    ['now-5min', 'Unknown unit "min" in "now-5min"'],
    ['now--1h', 'Expected an amount and unit after "-" in "now--1h"'],
    ['now-', 'Expected an amount and unit after "-" in "now-"'],
    ['now-5', 'Missing unit after "-5" in "now-5"'],
    ['now+5/d', 'Missing unit after "+5" in "now+5/d"'],
    ['now/', 'Missing unit after "/" in "now/"'],
    ['now-1.5h', 'Amount "1.5" in "now-1.5h" must be a whole number'],
    ['nowx', 'Unexpected "x" at position 4 in "nowx"'],
    ['now -5m', 'Unexpected " " at position 4 in "now -5m"'],
    ['now-1h30m', 'Unexpected "3" at position 7 in "now-1h30m"'],
    ['foo', 'Cannot read "foo"'],
    ['yesterday', 'Cannot read "yesterday"'],
    ['Now', 'Cannot read "Now"'],
    ['-1000', 'Cannot read "-1000"'],
    ['2026/01/02', 'Cannot read "2026/01/02"'],
    ['2026-1-2', 'Cannot read "2026-1-2" as a date'],
    ['2026-01-02T03', 'Cannot read "2026-01-02T03" as a date'],
    ['2026-13-01', 'Month 13 in "2026-13-01" does not exist'],
    ['2026-00-10', 'Month 00 in "2026-00-10" does not exist'],
    ['2026-02-29', 'Day 29 in "2026-02-29" does not exist in 2026-02'],
    ['2026-04-31', 'Day 31 in "2026-04-31" does not exist in 2026-04'],
    ['2026-01-00', 'Day 00 in "2026-01-00" does not exist in 2026-01'],
    ['2026-01-02T24:00', 'Hour 24 in "2026-01-02T24:00" is out of range'],
    ['2026-01-02T10:60', 'Minute 60 in "2026-01-02T10:60" is out of range'],
    ['2026-01-02T10:00:60Z', 'Second 60 in "2026-01-02T10:00:60Z" is out of range'],
    ['2026-01-02T10:00+24:00', 'UTC offset "+24:00" in "2026-01-02T10:00+24:00" is out of range'],
    ['99999999999999999', 'Epoch milliseconds "99999999999999999" are out of range'],
    ['now-999999999y', '"now-999999999y" is outside the supported date range'],
    ['now+99999999999999999999d', 'is outside the supported date range'],
  ])('rejects %j: %s', (expr, message) => {
    expect(errorOf(expr)).toContain(message);
  });

  it('lists the valid units when a unit is unknown', () => {
    expect(errorOf('now-5x')).toContain('s, m, h, d, w, M, y');
  });

  it('rejects a now that is not a valid instant', () => {
    expect(errorOf('now-1h', Number.NaN)).toMatch(/current time .* not a valid instant/);
    expect(errorOf('now', Number.POSITIVE_INFINITY)).toMatch(/not a valid instant/);
  });

  it('never throws, and every failure carries a message', () => {
    const inputs = [
      'now/',
      'now+',
      '/',
      '+',
      '-',
      'now/d/',
      'now-1d/d/',
      '2026-',
      '0000-00-00',
      '\n',
      'nów',
    ];
    for (const input of inputs) {
      for (const roundUp of [false, true]) {
        const result = parseTimeExpr(input, { now: NOW, roundUp, tz: 'utc' });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
      }
    }
  });
});
