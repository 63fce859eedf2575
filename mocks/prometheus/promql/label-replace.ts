/** label_replace(), with Go's regexp.Expand rules for `$1`, `${1}`, `$name` and `${name}`. */
import { PromQLExecutionError } from './errors';
import { compileRegex, isValidLabelName, withLabel } from './labels';
import { mergeByLabels, type StepSeries } from './values';

/** Expands a replacement template against a match, the way Go's Regexp.Expand does. */
export function expandTemplate(template: string, match: RegExpExecArray): string {
  return template.replace(
    /\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g,
    (whole, _all, braced, bare) => {
      if (whole === '$$') return '$';
      const name: string = braced ?? bare;
      if (/^\d+$/.test(name)) return match[Number(name)] ?? '';
      return match.groups?.[name] ?? '';
    },
  );
}

export function labelReplace(
  input: readonly StepSeries[],
  dst: string,
  replacement: string,
  src: string,
  pattern: string,
): StepSeries[] {
  let regex: RegExp;
  try {
    regex = compileRegex(pattern);
  } catch {
    throw new PromQLExecutionError(`invalid regular expression in label_replace(): ${pattern}`);
  }
  if (!isValidLabelName(dst)) {
    throw new PromQLExecutionError(`invalid destination label name in label_replace(): ${dst}`);
  }
  return mergeByLabels(
    input.map((s) => {
      const match = regex.exec(s.labels[src] ?? '');
      if (!match) return s;
      return { ...s, labels: withLabel(s.labels, dst, expandTemplate(replacement, match)) };
    }),
  );
}
