/** Syntax tree of the PromQL subset. */

export type ValueType = 'scalar' | 'vector' | 'matrix' | 'string';

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  readonly name: string;
  readonly op: MatchOp;
  readonly value: string;
  /** Compiled, fully anchored pattern for `=~` and `!~`. */
  readonly regex?: RegExp;
}

export type AggregateOp =
  | 'sum'
  | 'avg'
  | 'min'
  | 'max'
  | 'count'
  | 'group'
  | 'stddev'
  | 'stdvar'
  | 'topk'
  | 'bottomk'
  | 'quantile'
  | 'count_values';

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '^' | 'atan2';
export type ComparisonOp = '==' | '!=' | '>' | '<' | '>=' | '<=';
export type SetOp = 'and' | 'or' | 'unless';
export type BinaryOp = ArithmeticOp | ComparisonOp | SetOp;

export type Cardinality = 'one-to-one' | 'many-to-one' | 'one-to-many' | 'many-to-many';

export interface VectorMatching {
  readonly card: Cardinality;
  /** True for `on(...)`, false for `ignoring(...)` or no clause. */
  readonly on: boolean;
  readonly labels: readonly string[];
  /** Labels copied from the "one" side by group_left/group_right. */
  readonly include: readonly string[];
}

interface Node {
  /** Character offset of the node in the query, for error messages. */
  readonly pos: number;
}

export interface NumberLiteral extends Node {
  readonly type: 'number';
  readonly value: number;
}

export interface StringLiteral extends Node {
  readonly type: 'string';
  readonly value: string;
}

/** The `@` modifier: a fixed evaluation time, or the query's start or end. */
export type AtModifier = number | 'start' | 'end';

export interface VectorSelector extends Node {
  readonly type: 'vectorSelector';
  readonly name: string | undefined;
  /** Every matcher, including the one on `__name__` implied by a metric name. */
  readonly matchers: readonly LabelMatcher[];
  readonly offsetMs: number;
  /** Milliseconds since the epoch, or the query's start/end. */
  readonly at?: AtModifier;
}

export interface MatrixSelector extends Node {
  readonly type: 'matrixSelector';
  readonly selector: VectorSelector;
  readonly rangeMs: number;
}

export interface Subquery extends Node {
  readonly type: 'subquery';
  readonly expr: Expr;
  readonly rangeMs: number;
  /** 0 means the default evaluation interval. */
  readonly stepMs: number;
  readonly offsetMs: number;
}

export interface Call extends Node {
  readonly type: 'call';
  readonly name: string;
  readonly args: readonly Expr[];
}

export interface Aggregate extends Node {
  readonly type: 'aggregate';
  readonly op: AggregateOp;
  readonly expr: Expr;
  readonly param: Expr | undefined;
  readonly grouping: readonly string[];
  readonly without: boolean;
}

export interface Binary extends Node {
  readonly type: 'binary';
  readonly op: BinaryOp;
  readonly lhs: Expr;
  readonly rhs: Expr;
  readonly returnBool: boolean;
  /** Present when both sides are vectors. */
  readonly matching: VectorMatching | undefined;
}

export interface Unary extends Node {
  readonly type: 'unary';
  readonly op: '-' | '+';
  readonly expr: Expr;
}

export interface Paren extends Node {
  readonly type: 'paren';
  readonly expr: Expr;
}

export type Expr =
  | NumberLiteral
  | StringLiteral
  | VectorSelector
  | MatrixSelector
  | Subquery
  | Call
  | Aggregate
  | Binary
  | Unary
  | Paren;

export const COMPARISON_OPS: readonly string[] = ['==', '!=', '>', '<', '>=', '<='];
export const SET_OPS: readonly string[] = ['and', 'or', 'unless'];

export function isComparison(op: BinaryOp): op is ComparisonOp {
  return COMPARISON_OPS.includes(op);
}

export function isSetOp(op: BinaryOp): op is SetOp {
  return SET_OPS.includes(op);
}
