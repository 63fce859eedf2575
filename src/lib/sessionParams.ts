/** URL parameters that describe the session (range, display, mode) rather than one view. */
export const SESSION_PARAMS = [
  'from',
  'to',
  'refresh',
  'theme',
  'tz',
  'embed',
  'controls',
  'demo',
] as const;

/**
 * The session parameters of `current`, for a link to another view; dashboard variables
 * (`var-*`) too when the target view shares them.
 */
export function carrySessionParams(
  current: URLSearchParams,
  { variables }: { variables: boolean },
): URLSearchParams {
  const kept = new URLSearchParams();
  for (const [key, value] of current) {
    if (
      (SESSION_PARAMS as readonly string[]).includes(key) ||
      (variables && key.startsWith('var-'))
    ) {
      kept.append(key, value);
    }
  }
  return kept;
}
