export interface BackoffOptions {
  /** Ceiling of the first retry's delay. */
  baseMs: number;
  /** Ceiling of any delay. */
  maxMs: number;
  /** A connection that stays up this long resets the failure count. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, resetAfterMs: 60_000 };

/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(max, base·2^attempt)).
 * Full jitter spreads reconnecting clients evenly, so a gateway restart is not answered by a
 * synchronised stampede. `attempt` is 0 for the first retry.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number) {
  const exponent = Math.min(Math.max(0, attempt), 30);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
