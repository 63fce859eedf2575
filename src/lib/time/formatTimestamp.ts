import type { TimeZoneMode } from './types';

export type FormatTimestampOptions = {
  /** Include `:ss` (default true). */
  withSeconds?: boolean;
  /** Include `YYYY-MM-DD ` (default true). */
  withDate?: boolean;
};

const formatters = new Map<TimeZoneMode, Intl.DateTimeFormat>();

// Created on first use rather than at import, so the local zone is read when it is needed.
function formatterFor(tz: TimeZoneMode): Intl.DateTimeFormat {
  let formatter = formatters.get(tz);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: tz === 'utc' ? 'UTC' : undefined,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(tz, formatter);
  }
  return formatter;
}

/**
 * Formats an instant as `YYYY-MM-DD HH:mm:ss` (24 h) in the viewer's zone or UTC, independent
 * of the viewer's locale so tables and exports read the same everywhere.
 * Returns `Invalid date` for values `Date` cannot represent.
 */
export function formatTimestamp(
  ms: number,
  tz: TimeZoneMode,
  opts: FormatTimestampOptions = {},
): string {
  const { withSeconds = true, withDate = true } = opts;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return 'Invalid date';

  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatterFor(tz).formatToParts(date)) parts[part.type] = part.value;
  const year = (parts.year ?? '').padStart(4, '0');
  const time = `${parts.hour}:${parts.minute}${withSeconds ? `:${parts.second}` : ''}`;
  return withDate ? `${year}-${parts.month}-${parts.day} ${time}` : time;
}
