import { addUnits, daysInMonth, endOf, fromFields, startOf } from './calendar';
import {
  err,
  isTimeUnit,
  isValidEpochMs,
  ok,
  type Result,
  type TimeUnit,
  type TimeZoneMode,
} from './types';

export type ParseTimeOptions = {
  /** The instant `now` stands for, in epoch ms (never read from the clock here). */
  now: number;
  /** Round `/unit` up to the unit's last millisecond instead of down to its first (for `to`). */
  roundUp: boolean;
  tz: TimeZoneMode;
};

/**
 * Parses a Grafana-style time expression into epoch ms. Never throws.
 *
 * - `now`, followed by any chain of `+N<unit>`, `-N<unit>` and `/<unit>` applied left to right:
 *   `now-5m`, `now+1h`, `now/d`, `now-1d/d`, `now-1M/M`. Units: s m h d w M y (`M` = month).
 *   The amount may be left out (`now-d` = `now-1d`), as in Grafana.
 * - Epoch milliseconds: all digits, e.g. `1700000000000`.
 * - ISO 8601 dates: `2026-01-02`, `2026-01-02T03:04`, `2026-01-02T03:04:05.678Z`,
 *   `2026-01-02 03:04:05+02:00`. Without an offset they are read in `tz`.
 *
 * Absolute values are returned as written; `roundUp` only affects `/unit` rounding.
 *
 * s, m and h are fixed durations; d, w, M and y move the calendar in `tz`, so in the browser
 * zone `now-1d` keeps the wall-clock time across a daylight-saving change. Month and year steps
 * clamp to the end of a shorter month: `now-1M` on 31 March is 28 (or 29) February.
 */
export function parseTimeExpr(expr: string, opts: ParseTimeOptions): Result<number> {
  const text = expr.trim();
  if (text === '') return err('Time expression is empty');
  if (text.startsWith('now')) return parseRelative(text, opts);
  if (/^\d+$/.test(text)) return parseEpochMs(text);
  if (/^\d{4}-/.test(text)) return parseIsoDate(text, opts.tz);
  return err(
    `Cannot read "${text}": expected now, an expression like now-5m or now/d, an ISO date or epoch milliseconds`,
  );
}

function parseEpochMs(text: string): Result<number> {
  const ms = Number(text);
  return isValidEpochMs(ms) ? ok(ms) : err(`Epoch milliseconds "${text}" are out of range`);
}

function parseRelative(text: string, { now, roundUp, tz }: ParseTimeOptions): Result<number> {
  if (!isValidEpochMs(now)) return err(`The current time (${now}) is not a valid instant`);
  let time = now;
  let i = 'now'.length;
  while (i < text.length) {
    const op = text[i] ?? '';
    if (op === '/') {
      const unit = readLetters(text, i + 1);
      if (unit === '') return err(`Missing unit after "/" in "${text}"`);
      if (!isTimeUnit(unit)) return err(unknownUnit(unit, text));
      time = roundUp ? endOf(time, unit, tz) : startOf(time, unit, tz);
      i += 1 + unit.length;
    } else if (op === '+' || op === '-') {
      const step = readStep(text, i);
      if (!step.ok) return step;
      time = addUnits(
        time,
        op === '-' ? -step.value.amount : step.value.amount,
        step.value.unit,
        tz,
      );
      i = step.value.end;
    } else {
      return err(`Unexpected "${op}" at position ${i + 1} in "${text}"`);
    }
    if (!isValidEpochMs(time)) return err(`"${text}" is outside the supported date range`);
  }
  return ok(time);
}

type Step = { amount: number; unit: TimeUnit; end: number };

/** Reads `±N<unit>` starting at the sign at `start`. */
function readStep(text: string, start: number): Result<Step> {
  const sign = text[start];
  const digits = /^\d*/.exec(text.slice(start + 1))?.[0] ?? '';
  let i = start + 1 + digits.length;
  const fraction = /^\.\d+/.exec(text.slice(i))?.[0];
  if (fraction !== undefined) {
    return err(`Amount "${digits}${fraction}" in "${text}" must be a whole number`);
  }
  const unit = readLetters(text, i);
  if (unit === '') {
    if (digits === '') {
      return err(`Expected an amount and unit after "${sign}" in "${text}"`);
    }
    return err(`Missing unit after "${sign}${digits}" in "${text}"`);
  }
  if (!isTimeUnit(unit)) return err(unknownUnit(unit, text));
  i += unit.length;
  return ok({ amount: digits === '' ? 1 : Number(digits), unit, end: i });
}

const readLetters = (text: string, start: number): string =>
  /^[A-Za-z]*/.exec(text.slice(start))?.[0] ?? '';

const unknownUnit = (unit: string, text: string): string =>
  `Unknown unit "${unit}" in "${text}" (expected one of s, m, h, d, w, M, y)`;

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseIsoDate(text: string, tz: TimeZoneMode): Result<number> {
  const m = ISO_DATE.exec(text);
  if (!m) {
    return err(`Cannot read "${text}" as a date: expected YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss(Z)`);
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const fields = {
    year,
    month: month - 1,
    day,
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
    // Digits beyond milliseconds are dropped, not rounded, so a time never moves forward.
    millisecond: Number(frac.slice(0, 3).padEnd(3, '0')),
  };
  if (month < 1 || month > 12) return err(`Month ${mo} in "${text}" does not exist`);
  if (day < 1 || day > daysInMonth(year, month - 1)) {
    return err(`Day ${d} in "${text}" does not exist in ${y}-${mo}`);
  }
  if (fields.hour > 23) return err(`Hour ${h} in "${text}" is out of range (00–23)`);
  if (fields.minute > 59) return err(`Minute ${mi} in "${text}" is out of range (00–59)`);
  if (fields.second > 59) return err(`Second ${s} in "${text}" is out of range (00–59)`);

  if (zone === undefined) return ok(fromFields(fields, tz));
  const offset = parseOffset(zone);
  if (offset === null) return err(`UTC offset "${zone}" in "${text}" is out of range`);
  return ok(fromFields(fields, 'utc') - offset);
}

/** `Z`, `+02:00` or `-0530` → offset in ms; null when out of range. */
function parseOffset(zone: string): number | null {
  if (zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return null;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}
