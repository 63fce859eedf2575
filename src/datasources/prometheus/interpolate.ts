import { formatPromDuration } from './step';

/** A single value is inserted as written; a list becomes a regex alternation. */
export type TemplateVariables = Record<string, string | readonly string[]>;

/** Built-in intervals, all in seconds. */
export interface BuiltinIntervals {
  rateInterval: number;
  interval: number;
  range: number;
}

const VARIABLE = /\$\{(\w+)\}|\$(\w+)/g;
const REGEX_META = /[\\^$.|?*+()[\]{}]/g;

/**
 * Escapes one value for a regex inside a double-quoted PromQL string (`{agent=~"$agent"}`):
 * regex metacharacters get a backslash, then backslashes and quotes are escaped for the string
 * literal, so `a.b` is written `a\\.b` and Prometheus matches the regex `a\.b`.
 */
export function escapeRegexValue(value: string): string {
  return value.replace(REGEX_META, '\\$&').replace(/[\\"]/g, '\\$&');
}

/**
 * Replaces `$name` and `${name}` with variable values and the built-ins `$__rate_interval`,
 * `$__interval`, `$__interval_ms`, `$__range`, `$__range_s`, `$__range_ms`. Unknown variables
 * stay as written, so `"$1"` in `label_replace` survives. An empty list gives `()`, which
 * matches only an empty label: no selection, no series.
 */
export function interpolateQuery(
  template: string,
  vars: TemplateVariables,
  builtins: BuiltinIntervals,
): string {
  const builtinValues = new Map([
    ['__rate_interval', formatPromDuration(builtins.rateInterval)],
    ['__interval', formatPromDuration(builtins.interval)],
    ['__interval_ms', String(Math.round(builtins.interval * 1000))],
    ['__range', formatPromDuration(builtins.range)],
    ['__range_s', String(Math.round(builtins.range))],
    ['__range_ms', String(Math.round(builtins.range * 1000))],
  ]);
  return template.replace(
    VARIABLE,
    (match, braced: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? '';
      const builtin = builtinValues.get(name);
      if (builtin !== undefined) return builtin;
      if (!Object.hasOwn(vars, name)) return match;
      const value = vars[name];
      if (value === undefined) return match;
      return typeof value === 'string' ? value : `(${value.map(escapeRegexValue).join('|')})`;
    },
  );
}
