/** URL parameters that describe the session rather than the view, kept when moving to Traces. */
const CARRIED = ['from', 'to', 'refresh', 'theme', 'tz', 'embed', 'controls', 'demo'] as const;

/**
 * Link to the Traces view filtered to error spans, keeping the time range and session settings
 * (demo, embed, zone) so the user lands on the same slice of time.
 */
export function errorSpansHref(current: URLSearchParams): string {
  const next = new URLSearchParams({ tags: 'error=true' });
  for (const key of CARRIED) {
    const value = current.get(key);
    if (value !== null) next.set(key, value);
  }
  return `/traces?${next.toString()}`;
}
