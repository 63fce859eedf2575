/** Tokeniser for the PromQL subset. */
import { parseDuration } from './duration';
import { PromQLParseError } from './errors';

export type TokenKind =
  | 'number'
  | 'duration'
  | 'string'
  | 'identifier'
  | 'operator'
  | '('
  | ')'
  | '{'
  | '}'
  | '['
  | ']'
  | ','
  | ':'
  | '@'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Source text (for strings: the decoded value). */
  readonly text: string;
  /** Numeric value of numbers, milliseconds of durations. */
  readonly value: number;
  /** Character offset in the query. */
  readonly pos: number;
}

const TWO_CHAR_OPERATORS = ['==', '!=', '<=', '>=', '=~', '!~'];
const ONE_CHAR_OPERATORS = '+-*/%^<>=';
const PUNCTUATION = '(){}[],:@';
const ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isIdentStart = (c: string | undefined) => c !== undefined && /[A-Za-z_:]/.test(c);
const isIdentPart = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_:]/.test(c);

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  // Inside [...] a colon separates a subquery's range from its step; elsewhere it is part of
  // a metric name (recording rules use `job:metric:rate5m`).
  let bracketDepth = 0;
  const fail = (pos: number, detail: string) => PromQLParseError.at(input, pos, detail);

  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#') {
      while (i < input.length && input[i] !== '\n') i++;
    } else if (isDigit(c) || (c === '.' && isDigit(input[i + 1]))) {
      const afterBracket = tokens[tokens.length - 1]?.kind === '[';
      const token = readNumberOrDuration(input, i, afterBracket, fail);
      tokens.push(token);
      i += token.text.length;
    } else if (c === '"' || c === "'" || c === '`') {
      const { value, end } = readString(input, i, fail);
      tokens.push({ kind: 'string', text: value, value: 0, pos: i });
      i = end;
    } else if (c === ':' && bracketDepth > 0) {
      tokens.push({ kind: ':', text: c, value: 0, pos: i });
      i++;
    } else if (isIdentStart(c)) {
      let end = i + 1;
      while (isIdentPart(input[end])) end++;
      tokens.push({ kind: 'identifier', text: input.slice(i, end), value: 0, pos: i });
      i = end;
    } else if (TWO_CHAR_OPERATORS.includes(input.slice(i, i + 2))) {
      tokens.push({ kind: 'operator', text: input.slice(i, i + 2), value: 0, pos: i });
      i += 2;
    } else if (ONE_CHAR_OPERATORS.includes(c)) {
      tokens.push({ kind: 'operator', text: c, value: 0, pos: i });
      i++;
    } else if (PUNCTUATION.includes(c)) {
      if (c === '[') bracketDepth++;
      if (c === ']') bracketDepth = Math.max(0, bracketDepth - 1);
      tokens.push({ kind: c as TokenKind, text: c, value: 0, pos: i });
      i++;
    } else if (c === '!') {
      const next = input[i + 1];
      throw fail(
        i + 1,
        next === undefined
          ? 'unexpected end of input'
          : `unexpected character after '!': '${next}'`,
      );
    } else {
      throw fail(i, `unexpected character: '${c}'`);
    }
  }
  tokens.push({ kind: 'eof', text: '', value: 0, pos: input.length });
  return tokens;
}

type Fail = (pos: number, detail: string) => PromQLParseError;

function readNumberOrDuration(
  input: string,
  start: number,
  afterBracket: boolean,
  fail: Fail,
): Token {
  let end = start;
  while (end < input.length && /[0-9A-Za-z_.]/.test(input[end]!)) {
    // An exponent sign belongs to the number: 1e-3, 2.5E+4.
    if (
      /[eE]/.test(input[end]!) &&
      /[+-]/.test(input[end + 1] ?? '') &&
      !/^0[xX]/.test(input.slice(start))
    ) {
      end += 2;
      continue;
    }
    end++;
  }
  const text = input.slice(start, end);
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) {
    return { kind: 'number', text, value: parseInt(text, 16), pos: start };
  }
  if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    return { kind: 'number', text, value: Number(text), pos: start };
  }
  const ms = parseDuration(text);
  if (ms !== undefined) return { kind: 'duration', text, value: ms, pos: start };
  // Like Prometheus, quote what was read before the first character that cannot continue it.
  const valid = /^[0-9]+(ms|[smhdwy]|[0-9])*/.exec(text)?.[0] ?? text;
  const kind = afterBracket ? 'bad duration syntax' : 'bad number or duration syntax';
  throw fail(start, `${kind}: "${valid}"`);
}

function readString(input: string, start: number, fail: Fail): { value: string; end: number } {
  const quote = input[start]!;
  let i = start + 1;
  let value = '';
  while (i < input.length) {
    const c = input[i]!;
    if (c === quote) return { value, end: i + 1 };
    if (quote !== '`' && c === '\n') break;
    if (quote !== '`' && c === '\\') {
      const next = input[i + 1];
      if (next === undefined) break;
      if (ESCAPES[next] !== undefined) {
        value += ESCAPES[next];
        i += 2;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const digits = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = input.slice(i + 2, i + 2 + digits);
        if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex))
          throw fail(i, 'invalid escape sequence');
        value += String.fromCodePoint(parseInt(hex, 16));
        i += 2 + digits;
      } else if (/[0-7]/.test(next)) {
        const octal = input.slice(i + 1, i + 4);
        if (!/^[0-7]{3}$/.test(octal)) throw fail(i, 'invalid escape sequence');
        value += String.fromCharCode(parseInt(octal, 8));
        i += 4;
      } else {
        throw fail(i, `unknown escape sequence '${next}'`);
      }
      continue;
    }
    value += c;
    i++;
  }
  throw fail(start, 'unterminated quoted string');
}
