import type { TimeZoneMode } from './types';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Tick spacings a reader can count in, smallest first. */
const STEPS = [
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
];

/**
 * Times (epoch ms) for the labels of a time axis `widthPx` wide: at most one per `minGapPx`,
 * on round values of the clock in `tz` (every 15 minutes on the quarter hour, every 6 hours at
 * 00, 06, 12, 18, days at midnight). Chosen here rather than by the chart library, which
 * would otherwise measure every candidate label in the DOM to thin them out.
 */
export function timeTicks(
  from: number,
  to: number,
  widthPx: number,
  tz: TimeZoneMode,
  minGapPx = 100,
): number[] {
  if (!(to > from) || !(widthPx > 0)) return [];
  const most = Math.max(1, Math.floor(widthPx / minGapPx));
  const step =
    STEPS.find((s) => (to - from) / s <= most) ?? Math.ceil((to - from) / most / DAY) * DAY;
  const ticks: number[] = [];
  // Local clock time as if it were UTC, so rounding happens on the reader's clock.
  const offset = (t: number) => (tz === 'utc' ? 0 : -new Date(t).getTimezoneOffset() * MINUTE);
  let local = Math.ceil((from + offset(from)) / step) * step;
  for (let guard = 0; guard <= most + 1; guard++, local += step) {
    const t = local - offset(local - offset(from));
    if (t > to) break;
    if (t >= from) ticks.push(t);
  }
  return ticks;
}
