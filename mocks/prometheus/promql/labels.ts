/** Label sets, matchers and the label arithmetic PromQL operators need. */
import type { LabelMatcher, MatchOp } from './ast';

export type Labels = Readonly<Record<string, string>>;

export const METRIC_NAME = '__name__';
const SEPARATOR = '\xff';
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function isValidLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}

/** A key identifying a label set: equal keys mean equal label sets. */
export function labelsKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((name) => `${name}${SEPARATOR}${labels[name]}`)
    .join(SEPARATOR);
}

/** Orders label sets the way Prometheus sorts series (by sorted name/value pairs). */
export function compareLabels(a: Labels, b: Labels): number {
  const an = Object.keys(a).sort();
  const bn = Object.keys(b).sort();
  for (let i = 0; i < Math.min(an.length, bn.length); i++) {
    const [x, y] = [an[i]!, bn[i]!];
    if (x !== y) return x < y ? -1 : 1;
    const [xv, yv] = [a[x]!, b[y]!];
    if (xv !== yv) return xv < yv ? -1 : 1;
  }
  return an.length - bn.length;
}

export function dropMetricName(labels: Labels): Labels {
  if (!(METRIC_NAME in labels)) return labels;
  const { [METRIC_NAME]: _dropped, ...rest } = labels;
  return rest;
}

export function keepLabels(labels: Labels, names: readonly string[]): Labels {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = labels[name];
    if (value !== undefined && value !== '') out[name] = value;
  }
  return out;
}

export function withoutLabels(labels: Labels, names: readonly string[]): Labels {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(labels)) {
    if (!names.includes(name)) out[name] = value;
  }
  return out;
}

/** Sets (or, for an empty value, removes) one label. */
export function withLabel(labels: Labels, name: string, value: string): Labels {
  if (value === '') return withoutLabels(labels, [name]);
  return { ...labels, [name]: value };
}

/**
 * Compiles a PromQL regex the way Prometheus does: fully anchored and with `.` matching
 * newlines. A leading `(?i)` (common in dashboards) becomes the case-insensitive flag.
 */
export function compileRegex(pattern: string): RegExp {
  const insensitive = pattern.startsWith('(?i)');
  // Go spells named groups (?P<name>…); JavaScript spells them (?<name>…).
  const body = (insensitive ? pattern.slice(4) : pattern).replaceAll('(?P<', '(?<');
  return new RegExp(`^(?:${body})$`, insensitive ? 'si' : 's');
}

export function createMatcher(name: string, op: MatchOp, value: string): LabelMatcher {
  return op === '=~' || op === '!~'
    ? { name, op, value, regex: compileRegex(value) }
    : { name, op, value };
}

/** An absent label matches as the empty string, as in Prometheus. */
export function matches(matcher: LabelMatcher, labels: Labels): boolean {
  const value = labels[matcher.name] ?? '';
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return matcher.regex!.test(value);
    case '!~':
      return !matcher.regex!.test(value);
  }
}

export function matchesAll(matchers: readonly LabelMatcher[], labels: Labels): boolean {
  return matchers.every((m) => matches(m, labels));
}

export function formatLabels(labels: Labels): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`);
  return `{${pairs.join(', ')}}`;
}
