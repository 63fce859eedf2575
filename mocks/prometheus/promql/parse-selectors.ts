/** Parsing of label lists (`by (…)`, `on (…)`) and series selectors (`name{label="value"}`). */
import type { LabelMatcher, MatchOp, VectorSelector } from './ast';
import { createMatcher, METRIC_NAME } from './labels';
import { describeToken, type TokenStream } from './token-stream';

/** Reads `(label, label, …)`; a trailing comma is allowed. */
export function parseLabelList(stream: TokenStream): string[] {
  const open = stream.peek();
  if (open.kind !== '(') {
    throw stream.error(
      open.pos,
      open.kind === 'eof'
        ? 'unexpected end of input in grouping opts, expected "("'
        : `unexpected ${describeToken(open)} in grouping opts, expected "("`,
    );
  }
  stream.next();
  const labels: string[] = [];
  for (;;) {
    const token = stream.peek();
    if (token.kind === ')') break;
    if (token.kind !== 'identifier' || token.text.includes(':')) {
      throw stream.error(
        token.pos,
        token.kind === 'eof'
          ? 'unexpected end of input in grouping opts, expected label'
          : `unexpected ${describeToken(token)} in grouping opts, expected label`,
      );
    }
    labels.push(stream.next().text);
    const separator = stream.peek();
    if (separator.kind === ',') stream.next();
    else if (separator.kind !== ')') {
      throw stream.error(
        separator.pos,
        separator.kind === 'eof'
          ? 'unexpected end of input in grouping opts, expected "," or ")"'
          : `unexpected ${describeToken(separator)} in grouping opts, expected "," or ")"`,
      );
    }
  }
  stream.next();
  return labels;
}

/** Reads the optional `{…}` after a metric name (or a bare `{…}`). */
export function parseSelector(
  stream: TokenStream,
  name: string | undefined,
  pos: number,
): VectorSelector {
  const matchers: LabelMatcher[] =
    name === undefined ? [] : [createMatcher(METRIC_NAME, '=', name)];
  if (stream.peek().kind === '{') {
    stream.next();
    for (;;) {
      const label = stream.peek();
      if (label.kind === '}') break;
      if (label.kind === 'eof')
        throw stream.error(label.pos, 'unexpected end of input inside braces');
      if (label.kind !== 'identifier' || label.text.includes(':')) {
        throw stream.error(
          label.pos,
          `unexpected ${describeToken(label)} in label matching, expected label`,
        );
      }
      stream.next();
      const op = stream.peek();
      if (op.kind !== 'operator' || !['=', '!=', '=~', '!~'].includes(op.text)) {
        throw stream.error(
          op.pos,
          op.kind === 'eof'
            ? 'unexpected end of input inside braces'
            : `unexpected ${describeToken(op)} in label matching, expected label matching operator`,
        );
      }
      stream.next();
      const value = stream.peek();
      if (value.kind !== 'string') {
        throw stream.error(
          value.pos,
          value.kind === 'eof'
            ? 'unexpected end of input inside braces'
            : `unexpected ${describeToken(value)} in label matching, expected string`,
        );
      }
      stream.next();
      if (label.text === METRIC_NAME && name !== undefined) {
        throw stream.error(
          label.pos,
          `metric name must not be set twice: "${name}" or "${value.text}"`,
        );
      }
      try {
        matchers.push(createMatcher(label.text, op.text as MatchOp, value.text));
      } catch (e) {
        throw stream.error(label.pos, `error parsing regexp: ${(e as Error).message}`);
      }
      const separator = stream.peek();
      if (separator.kind === ',') stream.next();
      else if (separator.kind === 'eof')
        throw stream.error(separator.pos, 'unexpected end of input inside braces');
      else if (separator.kind !== '}') {
        throw stream.error(
          separator.pos,
          `unexpected ${describeToken(separator)} in label matching, expected "," or "}"`,
        );
      }
    }
    stream.next();
  }
  if (!matchers.some((m) => !matchesEmpty(m))) {
    throw stream.error(pos, 'vector selector must contain at least one non-empty matcher');
  }
  const metric = name ?? matchers.find((m) => m.name === METRIC_NAME && m.op === '=')?.value;
  return { type: 'vectorSelector', name: metric, matchers, offsetMs: 0, pos };
}

/** Whether a matcher accepts a missing label: selectors need at least one that does not. */
function matchesEmpty(matcher: LabelMatcher): boolean {
  switch (matcher.op) {
    case '=':
      return matcher.value === '';
    case '!=':
      return matcher.value !== '';
    case '=~':
      return matcher.regex!.test('');
    case '!~':
      return !matcher.regex!.test('');
  }
}
