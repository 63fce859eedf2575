/**
 * Defaults the config schema fills in, in a module without zod so the app's entry can read
 * config.json the same way before the schema has loaded (see app/earlyTraceLoad.ts).
 */

/** A data source that does not answer within this long fails the request. */
export const DEFAULT_SOURCE_TIMEOUT_MS = 30_000;

/** How config.json is asked for: never from a cache, since one build serves every deployment. */
export const CONFIG_REQUEST = {
  cache: 'no-store',
  headers: { Accept: 'application/json' },
} as const;
