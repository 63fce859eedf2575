/** `browser`: calendar arithmetic and display in the viewer's local zone; `utc`: in UTC. */
export type TimeZoneMode = 'browser' | 'utc';

/** A range as the user wrote it, e.g. `{ from: 'now-6h', to: 'now' }` or epoch-ms strings. */
export type RawTimeRange = { from: string; to: string };

/** A resolved range in epoch milliseconds. */
export type AbsoluteTimeRange = { from: number; to: number };

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error });

/** Units of a time expression; `M` is month and `m` is minute, as in Grafana. */
export type TimeUnit = 'y' | 'M' | 'w' | 'd' | 'h' | 'm' | 's';

export const TIME_UNITS: readonly TimeUnit[] = ['y', 'M', 'w', 'd', 'h', 'm', 's'];

export const isTimeUnit = (value: string): value is TimeUnit =>
  (TIME_UNITS as readonly string[]).includes(value);

/** ECMAScript's Date range: ±100,000,000 days around the epoch. */
export const MAX_EPOCH_MS = 8.64e15;

export const isValidEpochMs = (ms: number): boolean =>
  Number.isFinite(ms) && Math.abs(ms) <= MAX_EPOCH_MS;
