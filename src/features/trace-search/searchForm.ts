import type { TraceSearchParams, TraceSourceKind } from '@/datasources/traces';
import { DEFAULT_SEARCH_LIMIT } from '@/datasources/traces';
import { parseTags } from './tags';

/**
 * The trace search form as it lives in the URL. Fields are kept as typed text so a shared link
 * with a mistake in it still shows what was asked, next to the problem.
 */
export interface SearchForm {
  readonly service: string;
  readonly operation: string;
  /** Tag filters, `key=value` pairs (see `tags.ts`). */
  readonly tags: string;
  /** Go-style durations, e.g. "100ms", "1.5s". */
  readonly minDuration: string;
  readonly maxDuration: string;
  readonly limit: string;
  /** TraceQL (Tempo only); when set it replaces service, operation and tags. */
  readonly query: string;
}

export type SearchField = keyof SearchForm;

/** URL parameter of each field. Errors view links use `tags`, e.g. `?tags=error%3Dtrue`. */
export const SEARCH_URL_PARAMS: Readonly<Record<SearchField, string>> = {
  service: 'service',
  operation: 'operation',
  tags: 'tags',
  minDuration: 'minDuration',
  maxDuration: 'maxDuration',
  limit: 'limit',
  query: 'q',
};

const FIELDS = Object.keys(SEARCH_URL_PARAMS) as SearchField[];

export const EMPTY_SEARCH_FORM: SearchForm = {
  service: '',
  operation: '',
  tags: '',
  minDuration: '',
  maxDuration: '',
  limit: '',
  query: '',
};

/** Jaeger UI's upper bound; more results than this are not readable in a list anyway. */
export const MAX_SEARCH_LIMIT = 1500;

export function readSearchForm(params: URLSearchParams): SearchForm {
  const form: Record<SearchField, string> = { ...EMPTY_SEARCH_FORM };
  for (const field of FIELDS) form[field] = params.get(SEARCH_URL_PARAMS[field]) ?? '';
  return form;
}

/**
 * `current` with the search fields replaced by `form`: empty fields are removed, every other
 * parameter (time range, zone, demo, …) is kept.
 */
export function writeSearchForm(form: SearchForm, current: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const field of FIELDS) {
    const value = form[field].trim();
    if (value === '') next.delete(SEARCH_URL_PARAMS[field]);
    else next.set(SEARCH_URL_PARAMS[field], value);
  }
  return next;
}

export type SearchProblems = Partial<Record<SearchField, string>>;

/** What to ask the backend, without the time range (the page adds the global one). */
export type SearchRequest = Omit<TraceSearchParams, 'startUs' | 'endUs'>;

export type SearchValidation =
  | { readonly ok: true; readonly request: SearchRequest }
  | { readonly ok: false; readonly problems: SearchProblems };

/**
 * Checks a form against what `kind` accepts and turns it into a request. Jaeger cannot search
 * without a service; Tempo searches everything when nothing is given.
 */
export function validateSearchForm(form: SearchForm, kind: TraceSourceKind): SearchValidation {
  const problems: SearchProblems = {};
  const query = kind === 'tempo' ? form.query.trim() : '';
  const service = form.service.trim();

  const parsedTags = parseTags(query === '' ? form.tags : '');
  if (parsedTags.errors.length > 0) problems.tags = parsedTags.errors.join(' ');
  if (kind === 'jaeger' && service === '')
    problems.service = 'Choose a service: Jaeger searches one service at a time.';

  const min = readDuration(form.minDuration, 'Min duration', problems, 'minDuration');
  const max = readDuration(form.maxDuration, 'Max duration', problems, 'maxDuration');
  if (min !== null && max !== null && min > max) {
    problems.maxDuration = 'Max duration is shorter than min duration.';
  }

  const limitText = form.limit.trim();
  const limit = limitText === '' ? DEFAULT_SEARCH_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    problems.limit = `Limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}.`;
  }

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const request: SearchRequest = {
    ...(query !== ''
      ? { query }
      : {
          ...(service !== '' && { service }),
          ...(form.operation.trim() !== '' && { operation: form.operation.trim() }),
          ...(Object.keys(parsedTags.tags).length > 0 && { tags: parsedTags.tags }),
        }),
    ...(min !== null && { minDuration: form.minDuration.trim() }),
    ...(max !== null && { maxDuration: form.maxDuration.trim() }),
    limit,
  };
  return { ok: true, request };
}

const DURATION_PART = /(\d+(?:\.\d+)?|\.\d+)(ns|us|µs|ms|s|m|h)/g;
const UNIT_US: Readonly<Record<string, number>> = {
  ns: 0.001,
  us: 1,
  µs: 1,
  ms: 1_000,
  s: 1e6,
  m: 6e7,
  h: 3.6e9,
};

/**
 * A Go duration ("1.5s", "100ms", "1h30m", as Jaeger and Tempo parse them) in microseconds,
 * or null when the text is not one.
 */
export function parseGoDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const parts = [...trimmed.matchAll(DURATION_PART)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) return null;
  return parts.reduce((sum, p) => sum + Number(p[1]) * (UNIT_US[p[2] as string] ?? 0), 0);
}

function readDuration(
  text: string,
  label: string,
  problems: SearchProblems,
  field: 'minDuration' | 'maxDuration',
): number | null {
  if (text.trim() === '') return null;
  const us = parseGoDuration(text);
  if (us === null) problems[field] = `${label} must be a duration such as 100ms, 1.5s or 2m.`;
  return us;
}
