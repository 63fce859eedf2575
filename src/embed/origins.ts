/**
 * Which windows the app listens to and talks to when it runs inside an iframe. Origins are
 * compared exactly (scheme, host and port), as `MessageEvent.origin` reports them.
 */

/** The origin of a URL, or null for an empty, opaque or unparsable one. */
export function originOf(url: string): string | null {
  if (url === '') return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * True when `origin` (as a browser reports it: already lower case, no default port, no path)
 * is one of the allowed ones. The config's entries are normalised the same way, so
 * `https://Portal.example.com:443` in config.json still matches.
 */
export function isAllowedOrigin(origin: string, allowedOrigins: readonly string[]): boolean {
  if (originOf(origin) !== origin) return false;
  return allowedOrigins.some((allowed) => originOf(allowed) === origin);
}

/**
 * Where the app's own messages go. The embedding page's origin comes from `document.referrer`
 * when the host's referrer policy lets it through and it is allowed; otherwise from the first
 * valid message the host sent. With neither, there is nobody to talk to: null, and nothing is
 * posted (never `*`).
 */
export function chooseTargetOrigin({
  referrer,
  allowedOrigins,
  firstValidOrigin,
}: {
  referrer: string;
  allowedOrigins: readonly string[];
  firstValidOrigin: string | null;
}): string | null {
  const fromReferrer = originOf(referrer);
  if (fromReferrer !== null && isAllowedOrigin(fromReferrer, allowedOrigins)) return fromReferrer;
  if (firstValidOrigin !== null && isAllowedOrigin(firstValidOrigin, allowedOrigins)) {
    return firstValidOrigin;
  }
  return null;
}
