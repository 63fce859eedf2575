import { formatTimestamp } from './formatTimestamp';
import type { RawTimeRange, TimeUnit, TimeZoneMode } from './types';

export type QuickRange = { label: string; from: string; to: string };

/** The picker's presets, in Grafana's order and wording. */
export const QUICK_RANGES: readonly QuickRange[] = [
  { label: 'Last 5 minutes', from: 'now-5m', to: 'now' },
  { label: 'Last 15 minutes', from: 'now-15m', to: 'now' },
  { label: 'Last 30 minutes', from: 'now-30m', to: 'now' },
  { label: 'Last 1 hour', from: 'now-1h', to: 'now' },
  { label: 'Last 3 hours', from: 'now-3h', to: 'now' },
  { label: 'Last 6 hours', from: 'now-6h', to: 'now' },
  { label: 'Last 12 hours', from: 'now-12h', to: 'now' },
  { label: 'Last 24 hours', from: 'now-24h', to: 'now' },
  { label: 'Last 2 days', from: 'now-2d', to: 'now' },
  { label: 'Last 7 days', from: 'now-7d', to: 'now' },
  { label: 'Last 30 days', from: 'now-30d', to: 'now' },
  { label: 'Last 90 days', from: 'now-90d', to: 'now' },
  { label: 'Today', from: 'now/d', to: 'now/d' },
  { label: 'Today so far', from: 'now/d', to: 'now' },
  { label: 'Yesterday', from: 'now-1d/d', to: 'now-1d/d' },
  { label: 'This week so far', from: 'now/w', to: 'now' },
  { label: 'This month so far', from: 'now/M', to: 'now' },
];

const UNIT_NAMES: Record<TimeUnit, string> = {
  s: 'second',
  m: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  M: 'month',
  y: 'year',
};

const LAST_N = /^now-(\d+)([smhdwMy])$/;

/**
 * A short name for a range: a preset's label, `Last N <units>` for any `now-N<unit>` → `now`,
 * otherwise `from → to`, with epoch-ms ends shown as dates in `tz`.
 */
export function describeRange(raw: RawTimeRange, tz: TimeZoneMode = 'browser'): string {
  const from = raw.from.trim();
  const to = raw.to.trim();
  const preset = QUICK_RANGES.find((q) => q.from === from && q.to === to);
  if (preset) return preset.label;

  const last = to === 'now' ? LAST_N.exec(from) : null;
  if (last) {
    const count = Number(last[1]);
    const name = UNIT_NAMES[last[2] as TimeUnit];
    return `Last ${count} ${name}${count === 1 ? '' : 's'}`;
  }
  return `${describeEnd(from, tz)} → ${describeEnd(to, tz)}`;
}

const describeEnd = (end: string, tz: TimeZoneMode): string =>
  /^\d+$/.test(end) ? formatTimestamp(Number(end), tz) : end;
