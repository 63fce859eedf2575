import { parseTimeExpr } from './parse';
import {
  err,
  ok,
  type AbsoluteTimeRange,
  type RawTimeRange,
  type Result,
  type TimeZoneMode,
} from './types';

/**
 * Resolves both ends of a range. `to` rounds up, so `now/d` → `now/d` covers the whole day.
 * Errors name the end that failed: `From: …` / `To: …`.
 */
export function resolveRange(
  raw: RawTimeRange,
  now: number,
  tz: TimeZoneMode,
): Result<AbsoluteTimeRange> {
  const from = parseTimeExpr(raw.from, { now, roundUp: false, tz });
  if (!from.ok) return err(`From: ${from.error}`);
  const to = parseTimeExpr(raw.to, { now, roundUp: true, tz });
  if (!to.ok) return err(`To: ${to.error}`);
  if (from.value >= to.value) return err('From must be before To');
  return ok({ from: from.value, to: to.value });
}

/**
 * Moves the range back (-1) or forward (+1) by half its span, like Grafana's `t←` / `t→`.
 * When `now` is given, a forward shift that would pass it ends at `now` instead (keeping
 * `from`), as Grafana does, so stepping forward never lands in the future.
 */
export function shiftRange(
  range: AbsoluteTimeRange,
  direction: -1 | 1,
  now?: number,
): AbsoluteTimeRange {
  const half = Math.round((range.to - range.from) / 2);
  const from = range.from + direction * half;
  const to = range.to + direction * half;
  if (direction === 1 && now !== undefined && to > now && range.to < now) {
    return { from: range.from, to: now };
  }
  return { from, to };
}

/** Span used when zooming out of an empty range, where multiplying would change nothing. */
const EMPTY_RANGE_ZOOM_MS = 30_000;

/**
 * Widens (factor > 1) or narrows (factor < 1) the range around its centre, like Grafana's
 * `t z` (factor 2). A non-positive or non-finite factor leaves the range as it is.
 */
export function zoomOutRange(range: AbsoluteTimeRange, factor = 2): AbsoluteTimeRange {
  if (!(factor > 0) || !Number.isFinite(factor)) return { ...range };
  const span = range.to - range.from;
  const nextSpan = span === 0 ? EMPTY_RANGE_ZOOM_MS : Math.round(span * factor);
  const from = range.from - Math.floor((nextSpan - span) / 2);
  return { from, to: from + nextSpan };
}

/** The range as epoch-ms strings, the form it takes in the URL after a shift or zoom. */
export function toAbsoluteRaw(range: AbsoluteTimeRange): RawTimeRange {
  return { from: String(Math.round(range.from)), to: String(Math.round(range.to)) };
}

/** True when either end depends on `now`, i.e. the range moves as time passes. */
export function isRelative(raw: RawTimeRange): boolean {
  return raw.from.trim().startsWith('now') || raw.to.trim().startsWith('now');
}
