/** A cursor over the tokens of one query, with Prometheus-style error reporting. */
import type { AggregateOp } from './ast';
import { PromQLParseError } from './errors';
import { tokenize, type Token } from './lexer';
import { AGGREGATE_OPS } from './signatures';

/** Keywords that are binary operators. */
export const KEYWORD_OPS = ['and', 'or', 'unless', 'atan2'];
/** Keywords that modify an expression. */
export const KEYWORDS = [
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
];

export class TokenStream {
  private readonly tokens: Token[];
  private index = 0;

  constructor(private readonly input: string) {
    this.tokens = tokenize(input);
  }

  /** The token `ahead` positions after the current one (end of input past the end). */
  lookahead(ahead: number): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  peek(): Token {
    return this.tokens[this.index]!;
  }

  next(): Token {
    const token = this.tokens[this.index]!;
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  peekKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === 'identifier' && token.text.toLowerCase() === word;
  }

  acceptKeyword(word: string): boolean {
    if (!this.peekKeyword(word)) return false;
    this.next();
    return true;
  }

  expect(kind: Token['kind'], what: string): Token {
    const token = this.peek();
    if (token.kind !== kind) {
      throw this.error(
        token.pos,
        token.kind === 'eof'
          ? `unexpected end of input, expected ${what}`
          : `unexpected ${describeToken(token)}, expected ${what}`,
      );
    }
    return this.next();
  }

  unexpected(token: Token): PromQLParseError {
    if (token.kind === ')') return this.error(token.pos + 1, "unexpected right parenthesis ')'");
    return this.error(
      token.pos,
      token.kind === 'eof' ? 'unexpected end of input' : `unexpected ${describeToken(token)}`,
    );
  }

  error(pos: number, detail: string): PromQLParseError {
    return PromQLParseError.at(this.input, pos, detail);
  }
}

/** Names tokens the way Prometheus' parser does in "unexpected …" messages. */
export function describeToken(token: Token): string {
  const lower = token.text.toLowerCase();
  switch (token.kind) {
    case 'number':
      return `number "${token.text}"`;
    case 'duration':
      return `duration "${token.text}"`;
    case 'string':
      return `string ${JSON.stringify(token.text)}`;
    case 'operator':
      return token.text === '=' ? '"="' : `<op:${token.text}>`;
    case 'identifier':
      if (AGGREGATE_OPS.includes(lower as AggregateOp)) return `<aggr:${lower}>`;
      if (KEYWORD_OPS.includes(lower)) return `<op:${lower}>`;
      if (KEYWORDS.includes(lower)) return `<${lower}>`;
      return `identifier "${token.text}"`;
    default:
      return `"${token.text}"`;
  }
}
