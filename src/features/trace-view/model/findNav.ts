/**
 * Stepping through find matches. `matches` are span indices in display order; the current
 * match is a position in that list.
 */

/**
 * The next (`direction` 1) or previous (-1) match position, wrapping around. Without a current
 * match, the search starts from the selected span, so "next" finds the first match below it.
 */
export function stepMatch(
  matches: Int32Array,
  current: number,
  direction: 1 | -1,
  fromSpan = -1,
): number {
  const n = matches.length;
  if (n === 0) return -1;
  if (current >= 0 && current < n) return (current + direction + n) % n;
  if (fromSpan < 0) return direction === 1 ? 0 : n - 1;
  // First match after (or last before) the selected span.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((matches[mid] as number) <= fromSpan) lo = mid + 1;
    else hi = mid;
  }
  if (direction === 1) return lo < n ? lo : 0;
  const before = (matches[lo - 1] ?? -1) === fromSpan ? lo - 2 : lo - 1;
  return before >= 0 ? before : n - 1;
}

/** "3 of 17", "no matches". */
export function matchLabel(current: number, total: number): string {
  if (total === 0) return 'no matches';
  return current >= 0
    ? `${current + 1} of ${total}`
    : `${total} ${total === 1 ? 'match' : 'matches'}`;
}
