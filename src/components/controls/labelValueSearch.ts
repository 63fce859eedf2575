import { escapeRegexValue } from '@/datasources/prometheus';

/** Typing fewer characters than this does not query: a two-letter regex scans every series. */
export const MIN_SEARCH_CHARS = 3;
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * The `match[]` selector that asks Prometheus for the values of `label` containing `text`
 * (case-insensitively), or null while the text is too short to search.
 */
export function labelValueMatcher(label: string, text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length < MIN_SEARCH_CHARS) return null;
  return `{${label}=~"(?i).*${escapeRegexValue(trimmed)}.*"}`;
}
