import type { TimeUnit, TimeZoneMode } from './types';

/**
 * Calendar arithmetic in either UTC or the runtime's local zone.
 *
 * Seconds, minutes and hours are fixed durations. Days, weeks, months and years move the wall
 * clock, so across a daylight-saving change a local day is 23 or 25 hours long and `-1d` keeps
 * the time of day. A wall-clock time that falls in a spring-forward gap resolves the way `Date`
 * does (moved forward by the gap); an ambiguous fall-back time resolves to its first occurrence.
 */

const FIXED_MS: Record<'s' | 'm' | 'h', number> = { s: 1_000, m: 60_000, h: 3_600_000 };

type Fields = {
  year: number;
  month: number; // 0–11, as in Date
  day: number; // 1–31
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
};

function readFields(ms: number, tz: TimeZoneMode): Fields & { weekday: number } {
  const d = new Date(ms);
  if (tz === 'utc') {
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth(),
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(),
    };
  }
  return {
    year: d.getFullYear(),
    month: d.getMonth(),
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    second: d.getSeconds(),
    millisecond: d.getMilliseconds(),
    weekday: d.getDay(),
  };
}

/** Builds an instant from calendar fields; out-of-range months and days roll over like Date. */
export function fromFields(f: Fields, tz: TimeZoneMode): number {
  if (tz === 'utc') {
    // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
    const d = new Date(0);
    d.setUTCFullYear(f.year, f.month, f.day);
    d.setUTCHours(f.hour, f.minute, f.second, f.millisecond);
    return d.getTime();
  }
  const d = new Date(f.year, f.month, f.day, f.hour, f.minute, f.second, f.millisecond);
  if (f.year >= 0 && f.year < 100) {
    d.setFullYear(f.year, f.month, f.day);
    d.setHours(f.hour, f.minute, f.second, f.millisecond);
  }
  return d.getTime();
}

export const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month; `month` is 0–11. */
export function daysInMonth(year: number, month: number): number {
  if (month === 1 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month] ?? Number.NaN;
}

/**
 * Adds `amount` units. Months and years clamp the day of month to the target month's last
 * day (Mar 31 − 1M = Feb 28 or 29; Feb 29 + 1y = Feb 28), as moment and Grafana do, instead of
 * letting Date overflow into the following month.
 */
export function addUnits(ms: number, amount: number, unit: TimeUnit, tz: TimeZoneMode): number {
  if (unit === 's' || unit === 'm' || unit === 'h') return ms + amount * FIXED_MS[unit];
  const f = readFields(ms, tz);
  if (unit === 'd' || unit === 'w') {
    return fromFields({ ...f, day: f.day + amount * (unit === 'w' ? 7 : 1) }, tz);
  }
  const monthIndex = f.year * 12 + f.month + amount * (unit === 'y' ? 12 : 1);
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  return fromFields({ ...f, year, month, day: Math.min(f.day, daysInMonth(year, month)) }, tz);
}

/**
 * Calendar fields of the start of the day, week, month or year containing `f`, or of the
 * following one when `next` is set.
 */
function calendarUnitStart(
  f: Fields & { weekday: number },
  unit: 'd' | 'w' | 'M' | 'y',
  next: boolean,
): Fields {
  const step = next ? 1 : 0;
  const midnight = { hour: 0, minute: 0, second: 0, millisecond: 0 };
  switch (unit) {
    case 'd':
      return { ...f, ...midnight, day: f.day + step };
    case 'w':
      return { ...f, ...midnight, day: f.day - ((f.weekday + 6) % 7) + 7 * step };
    case 'M':
      return { ...f, ...midnight, month: f.month + step, day: 1 };
    case 'y':
      return { ...f, ...midnight, year: f.year + step, month: 0, day: 1 };
  }
}

/** First millisecond of the unit containing `ms`. Weeks start on Monday (ISO 8601). */
export function startOf(ms: number, unit: TimeUnit, tz: TimeZoneMode): number {
  const f = readFields(ms, tz);
  // Subtracting the elapsed wall-clock part keeps the current UTC offset, which matters for
  // the repeated hour of a fall-back day (rebuilding from fields would pick its first pass).
  if (unit === 's') return ms - f.millisecond;
  if (unit === 'm') return ms - (f.second * 1_000 + f.millisecond);
  if (unit === 'h') return ms - (f.minute * 60_000 + f.second * 1_000 + f.millisecond);
  return fromFields(calendarUnitStart(f, unit, false), tz);
}

/** Last millisecond of the unit containing `ms` (e.g. 23:59:59.999 for a day). */
export function endOf(ms: number, unit: TimeUnit, tz: TimeZoneMode): number {
  if (unit === 's' || unit === 'm' || unit === 'h') {
    return startOf(ms, unit, tz) + FIXED_MS[unit] - 1;
  }
  // One before the start of the next unit, so 23 h and 25 h days come out right.
  return fromFields(calendarUnitStart(readFields(ms, tz), unit, true), tz) - 1;
}
