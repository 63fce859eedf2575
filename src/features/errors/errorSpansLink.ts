import { carrySessionParams } from '@/lib/sessionParams';

/**
 * Link to the Traces view filtered to error spans, keeping the time range and session settings
 * (demo, embed, zone) so the user lands on the same slice of time.
 */
export function errorSpansHref(current: URLSearchParams): string {
  const next = new URLSearchParams({ tags: 'error=true' });
  for (const [key, value] of carrySessionParams(current, { variables: false }))
    next.append(key, value);
  return `/traces?${next.toString()}`;
}
