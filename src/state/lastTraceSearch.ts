/**
 * The trace search the user last had on screen (path and query string), so the trace view's
 * "← Traces" returns to those results rather than to an empty form. Kept in memory only: a
 * reloaded or shared trace link goes back to a fresh search.
 */
let lastSearch: string | null = null;

export function rememberTraceSearch(path: string): void {
  lastSearch = path;
}

export function lastTraceSearch(): string | null {
  return lastSearch;
}
