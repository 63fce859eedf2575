import { err, ok, type Result } from './types';

/** Auto-refresh choices offered in the UI and accepted in the `refresh` URL parameter. */
export const REFRESH_INTERVALS = ['off', '5s', '10s', '30s', '1m', '5m'] as const;

export type RefreshInterval = (typeof REFRESH_INTERVALS)[number];

const INTERVAL_MS: Record<RefreshInterval, number | null> = {
  off: null,
  '5s': 5_000,
  '10s': 10_000,
  '30s': 30_000,
  '1m': 60_000,
  '5m': 300_000,
};

/** Reads a refresh interval; an absent or empty value means `off`. */
export function parseRefresh(value: string | null): Result<RefreshInterval> {
  const text = value?.trim() ?? '';
  if (text === '') return ok('off');
  const match = REFRESH_INTERVALS.find((interval) => interval === text);
  if (match) return ok(match);
  return err(
    `Unknown refresh interval "${text}" (expected one of ${REFRESH_INTERVALS.join(', ')})`,
  );
}

/** Milliseconds between refreshes, or null when refreshing is off. */
export function refreshToMs(interval: RefreshInterval): number | null {
  return INTERVAL_MS[interval];
}
