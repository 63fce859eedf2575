import type { TimeZoneMode } from './types';

export type FormatTimestampOptions = {
  /** Include `:ss` (default true). */
  withSeconds?: boolean;
  /** Include `YYYY-MM-DD ` (default true). */
  withDate?: boolean;
};

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

  // Date's own getters rather than Intl.DateTimeFormat: the first formatter costs ICU some
  // 30 ms to set up, on the page's thread while the app starts (and a big trace downloads),
  // and this fixed, locale-free format needs none of it. The local getters read the same
  // zone Intl would.
  const utc = tz === 'utc';
  const year = utc ? date.getUTCFullYear() : date.getFullYear();
  const month = (utc ? date.getUTCMonth() : date.getMonth()) + 1;
  const day = utc ? date.getUTCDate() : date.getDate();
  const hours = utc ? date.getUTCHours() : date.getHours();
  const minutes = utc ? date.getUTCMinutes() : date.getMinutes();
  const seconds = utc ? date.getUTCSeconds() : date.getSeconds();
  const time = `${pad2(hours)}:${pad2(minutes)}${withSeconds ? `:${pad2(seconds)}` : ''}`;
  if (!withDate) return time;
  const yearText = year < 0 ? `-${String(-year).padStart(6, '0')}` : String(year).padStart(4, '0');
  return `${yearText}-${pad2(month)}-${pad2(day)} ${time}`;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
