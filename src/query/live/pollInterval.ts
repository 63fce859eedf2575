import { parseRefresh, refreshToMs, type RefreshInterval } from '@/lib/time';

/** Polling interval when the refresh picker is off. */
export const DEFAULT_LIVE_POLL_MS = 5_000;

/**
 * How often the live streams poll once WebSocket and SSE are unavailable: the refresh picker's
 * interval (the `refresh` URL parameter, else the configured default), or 5 s when it is off.
 */
export function livePollIntervalMs(refreshParam: string | null, defaultRefresh: RefreshInterval) {
  const parsed = refreshParam === null ? null : parseRefresh(refreshParam);
  const refresh = parsed?.ok ? parsed.value : defaultRefresh;
  return refreshToMs(refresh) ?? DEFAULT_LIVE_POLL_MS;
}
