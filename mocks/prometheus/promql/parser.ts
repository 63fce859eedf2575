/** Recursive-descent parser for the PromQL subset, with Prometheus' static type checks. */
import type {
  AggregateOp,
  AtModifier,
  Binary,
  BinaryOp,
  Cardinality,
  Expr,
  VectorMatching,
} from './ast';
import { isSetOp } from './ast';
import type { Token } from './lexer';
import { parseLabelList, parseSelector } from './parse-selectors';
import { AGGREGATE_OPS, FUNCTIONS, aggregateParamType, describeType, typeOf } from './signatures';
import { KEYWORD_OPS, KEYWORDS, TokenStream } from './token-stream';
import { checkBinary, checkCall } from './typecheck';

const PRECEDENCE: Readonly<Record<string, number>> = {
  or: 1,
  and: 2,
  unless: 2,
  '==': 3,
  '!=': 3,
  '<=': 3,
  '<': 3,
  '>=': 3,
  '>': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '%': 5,
  atan2: 5,
  '^': 6,
};

export function parse(input: string): Expr {
  return new Parser(input).parseQuery();
}

class Parser {
  private readonly stream: TokenStream;

  constructor(input: string) {
    this.stream = new TokenStream(input);
  }

  parseQuery(): Expr {
    if (this.stream.peek().kind === 'eof')
      throw this.stream.error(0, 'no expression found in input');
    const expr = this.parseExpr(0);
    const next = this.stream.peek();
    if (next.kind !== 'eof') throw this.stream.unexpected(next);
    return expr;
  }

  private parseExpr(minPrecedence: number): Expr {
    let lhs = this.parseUnary();
    for (;;) {
      const token = this.stream.peek();
      const op = binaryOp(token);
      if (!op || PRECEDENCE[op]! < minPrecedence) return lhs;
      this.stream.next();
      const returnBool = this.stream.acceptKeyword('bool');
      const explicit = this.stream.peekKeyword('on') || this.stream.peekKeyword('ignoring');
      const matching = this.parseMatching(op);
      const rhs = this.parseExpr(op === '^' ? PRECEDENCE[op]! : PRECEDENCE[op]! + 1);
      const vectors = typeOf(lhs) === 'vector' && typeOf(rhs) === 'vector';
      const node: Binary = {
        type: 'binary',
        op,
        lhs,
        rhs,
        returnBool,
        matching: vectors ? matching : undefined,
        pos: lhs.pos,
      };
      checkBinary(node, token.pos, explicit, (pos, detail) => this.stream.error(pos, detail));
      lhs = node;
    }
  }

  private parseMatching(op: BinaryOp): VectorMatching | undefined {
    let on = false;
    let labels: string[] = [];
    let card: Cardinality = isSetOp(op) ? 'many-to-many' : 'one-to-one';
    let include: string[] = [];
    if (this.stream.peekKeyword('on') || this.stream.peekKeyword('ignoring')) {
      on = this.stream.next().text.toLowerCase() === 'on';
      labels = parseLabelList(this.stream);
      if (this.stream.peekKeyword('group_left') || this.stream.peekKeyword('group_right')) {
        const token = this.stream.next();
        if (isSetOp(op))
          throw this.stream.error(token.pos, `no grouping allowed for "${op}" operation`);
        card = token.text.toLowerCase() === 'group_left' ? 'many-to-one' : 'one-to-many';
        include = this.stream.peek().kind === '(' ? parseLabelList(this.stream) : [];
      }
    }
    return { card, on, labels, include };
  }

  private parseUnary(): Expr {
    const token = this.stream.peek();
    if (token.kind === 'operator' && (token.text === '-' || token.text === '+')) {
      this.stream.next();
      const operand = this.parseExpr(PRECEDENCE['^']!);
      const type = typeOf(operand);
      if (type !== 'scalar' && type !== 'vector') {
        throw this.stream.error(
          token.pos,
          `unary expression only allowed on expressions of type scalar or instant vector, got "${describeType(type)}"`,
        );
      }
      if (token.text === '+') return operand;
      if (operand.type === 'number') return { ...operand, value: -operand.value, pos: token.pos };
      return { type: 'unary', op: '-', expr: operand, pos: token.pos };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(expr: Expr): Expr {
    let result = expr;
    if (this.stream.peek().kind === '[') result = this.parseRange(result);
    let offsetSeen = false;
    let atSeen = false;
    for (;;) {
      if (!offsetSeen && this.stream.peekKeyword('offset')) {
        const token = this.stream.next();
        const negative = this.stream.peek().kind === 'operator' && this.stream.peek().text === '-';
        if (negative) this.stream.next();
        const offset = this.stream.expect('duration', 'duration').value * (negative ? -1 : 1);
        result = this.withModifier(result, token, { offsetMs: offset });
        offsetSeen = true;
      } else if (!atSeen && this.stream.peek().kind === '@') {
        const token = this.stream.next();
        result = this.withModifier(result, token, { at: this.parseAt() });
        atSeen = true;
      } else {
        return result;
      }
    }
  }

  private parseRange(expr: Expr): Expr {
    const open = this.stream.next();
    if (this.stream.peek().kind === 'number') {
      throw this.stream.error(this.stream.peek().pos, 'missing unit character in duration');
    }
    const range = this.stream.expect('duration', 'duration');
    if (this.stream.peek().kind === ':') {
      this.stream.next();
      const step = this.stream.peek().kind === 'duration' ? this.stream.next().value : 0;
      this.stream.expect(']', '"]"');
      const type = typeOf(expr);
      if (type !== 'vector') {
        throw this.stream.error(
          open.pos,
          `subquery is only allowed on instant vector, got ${describeType(type)} instead`,
        );
      }
      return {
        type: 'subquery',
        expr,
        rangeMs: range.value,
        stepMs: step,
        offsetMs: 0,
        pos: expr.pos,
      };
    }
    this.stream.expect(']', '"]"');
    if (expr.type !== 'vectorSelector') {
      throw this.stream.error(open.pos, 'ranges only allowed for vector selectors');
    }
    return { type: 'matrixSelector', selector: expr, rangeMs: range.value, pos: expr.pos };
  }

  /** `@ <seconds>`, `@ start()` or `@ end()`. */
  private parseAt(): AtModifier {
    const token = this.stream.peek();
    const lower = token.text.toLowerCase();
    if (token.kind === 'identifier' && (lower === 'start' || lower === 'end')) {
      this.stream.next();
      this.stream.expect('(', '"("');
      this.stream.expect(')', '")"');
      return lower;
    }
    const negative = token.kind === 'operator' && token.text === '-';
    if (negative) this.stream.next();
    const value = this.stream.expect('number', 'timestamp').value;
    return Math.round((negative ? -value : value) * 1000);
  }

  private withModifier(
    expr: Expr,
    token: Token,
    modifier: { offsetMs?: number; at?: AtModifier },
  ): Expr {
    if (expr.type === 'vectorSelector') return { ...expr, ...modifier };
    if (expr.type === 'matrixSelector')
      return { ...expr, selector: { ...expr.selector, ...modifier } };
    if (expr.type === 'subquery' && modifier.offsetMs !== undefined)
      return { ...expr, offsetMs: modifier.offsetMs };
    const what = modifier.offsetMs !== undefined ? 'offset' : '@';
    throw this.stream.error(
      token.pos,
      `${what} modifier must be preceded by an instant vector selector or range vector selector${what === 'offset' ? ' or a subquery' : ''}`,
    );
  }

  private parsePrimary(): Expr {
    const token = this.stream.peek();
    switch (token.kind) {
      case 'number':
        this.stream.next();
        return { type: 'number', value: token.value, pos: token.pos };
      case 'string':
        this.stream.next();
        return { type: 'string', value: token.text, pos: token.pos };
      case '(': {
        this.stream.next();
        const expr = this.parseExpr(0);
        const close = this.stream.peek();
        if (close.kind === 'eof') throw this.stream.error(close.pos, 'unclosed left parenthesis');
        if (close.kind !== ')') throw this.stream.unexpected(close);
        this.stream.next();
        return { type: 'paren', expr, pos: token.pos };
      }
      case '{':
        return parseSelector(this.stream, undefined, token.pos);
      case 'identifier':
        return this.parseIdentifier(token);
      default:
        throw this.stream.unexpected(token);
    }
  }

  private parseIdentifier(token: Token): Expr {
    const lower = token.text.toLowerCase();
    const following = this.stream.lookahead(1);
    if (
      AGGREGATE_OPS.includes(lower as AggregateOp) &&
      (following.kind === '(' || ['by', 'without'].includes(following.text.toLowerCase()))
    ) {
      return this.parseAggregate(lower as AggregateOp);
    }
    if (KEYWORD_OPS.includes(lower)) throw this.stream.unexpected(token);
    if (following.kind === '(') {
      if (!FUNCTIONS[token.text]) {
        throw this.stream.error(token.pos, `unknown function with name "${token.text}"`);
      }
      return this.parseCall(token);
    }
    if (lower === 'inf' || lower === 'nan') {
      this.stream.next();
      return { type: 'number', value: lower === 'inf' ? Infinity : NaN, pos: token.pos };
    }
    if (KEYWORDS.includes(lower)) throw this.stream.unexpected(token);
    this.stream.next();
    return parseSelector(this.stream, token.text, token.pos);
  }

  private parseCall(name: Token): Expr {
    this.stream.next();
    this.stream.next();
    const args: Expr[] = [];
    if (this.stream.peek().kind !== ')') {
      for (;;) {
        args.push(this.parseExpr(0));
        if (this.stream.peek().kind !== ',') break;
        this.stream.next();
      }
    }
    const close = this.stream.peek();
    if (close.kind === 'eof') throw this.stream.error(close.pos, 'unclosed left parenthesis');
    if (close.kind !== ')') throw this.stream.unexpected(close);
    this.stream.next();
    const call = { type: 'call' as const, name: name.text, args, pos: name.pos };
    checkCall(call, (pos, detail) => this.stream.error(pos, detail));
    return call;
  }

  private parseAggregate(op: AggregateOp): Expr {
    const start = this.stream.next();
    let grouping: string[] = [];
    let without = false;
    let clauseSeen = false;
    if (this.stream.peekKeyword('by') || this.stream.peekKeyword('without')) {
      without = this.stream.next().text.toLowerCase() === 'without';
      grouping = parseLabelList(this.stream);
      clauseSeen = true;
    }
    const open = this.stream.expect('(', '"("');
    const args: Expr[] = [];
    for (;;) {
      args.push(this.parseExpr(0));
      if (this.stream.peek().kind !== ',') break;
      this.stream.next();
    }
    const close = this.stream.peek();
    if (close.kind === 'eof') throw this.stream.error(close.pos, 'unclosed left parenthesis');
    if (close.kind !== ')') throw this.stream.unexpected(close);
    this.stream.next();
    if (!clauseSeen && (this.stream.peekKeyword('by') || this.stream.peekKeyword('without'))) {
      without = this.stream.next().text.toLowerCase() === 'without';
      grouping = parseLabelList(this.stream);
    }
    const paramType = aggregateParamType(op);
    const expected = paramType ? 2 : 1;
    if (args.length !== expected) {
      throw this.stream.error(
        open.pos,
        `wrong number of arguments for aggregate expression provided, expected ${expected}, got ${args.length}`,
      );
    }
    const [first, second] = args as [Expr, Expr | undefined];
    const param = paramType ? first : undefined;
    const expr = paramType ? second! : first;
    if (param && typeOf(param) !== paramType) {
      throw this.stream.error(
        param.pos,
        `expected type ${describeType(paramType!)} in aggregation parameter, got ${describeType(typeOf(param))}`,
      );
    }
    if (typeOf(expr) !== 'vector') {
      throw this.stream.error(
        expr.pos,
        `expected type instant vector in aggregation expression, got ${describeType(typeOf(expr))}`,
      );
    }
    return { type: 'aggregate', op, expr, param, grouping, without, pos: start.pos };
  }
}

function binaryOp(token: Token): BinaryOp | undefined {
  if (token.kind === 'operator' && token.text !== '=' && PRECEDENCE[token.text] !== undefined) {
    return token.text as BinaryOp;
  }
  const lower = token.text.toLowerCase();
  return token.kind === 'identifier' && KEYWORD_OPS.includes(lower)
    ? (lower as BinaryOp)
    : undefined;
}
