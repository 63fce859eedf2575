/**
 * Defaults the config schema fills in, in a module without zod so the app's entry can read
 * config.json the same way before the schema has loaded (see app/earlyTraceLoad.ts).
 */

/** A data source that does not answer within this long fails the request. */
export const DEFAULT_SOURCE_TIMEOUT_MS = 30_000;

/**
 * Every step of start-up (config.json, the app's code, the page's code) that has not finished
 * after this long ends in a page that says which step and offers to retry: never a blank page.
 */
export const STARTUP_DEADLINE_MS = 8_000;

/** How config.json is asked for: never from a cache, since one build serves every deployment. */
export const CONFIG_REQUEST = {
  cache: 'no-store',
  headers: { Accept: 'application/json' },
  timeoutMs: STARTUP_DEADLINE_MS,
  source: 'the configuration file config.json',
} as const;
