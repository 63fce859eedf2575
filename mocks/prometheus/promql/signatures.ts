/** Argument and result types of the supported functions, and static typing of expressions. */
import type { AggregateOp, Expr, ValueType } from './ast';

export interface FunctionSignature {
  readonly args: readonly ValueType[];
  /** How many trailing arguments may be left out; Infinity lets the last one repeat. */
  readonly optional: number;
  readonly variadic: boolean;
  readonly returns: ValueType;
}

const fn = (
  args: ValueType[],
  returns: ValueType,
  optional = 0,
  variadic = false,
): FunctionSignature => ({ args, returns, optional, variadic });

const VECTOR_TO_VECTOR = [
  'abs',
  'ceil',
  'floor',
  'exp',
  'sqrt',
  'ln',
  'log2',
  'log10',
  'sgn',
  'absent',
  'sort',
  'sort_desc',
  'timestamp',
];
const RANGE_TO_VECTOR = [
  'rate',
  'irate',
  'increase',
  'delta',
  'idelta',
  'deriv',
  'changes',
  'resets',
  'avg_over_time',
  'min_over_time',
  'max_over_time',
  'sum_over_time',
  'count_over_time',
  'last_over_time',
  'present_over_time',
  'stddev_over_time',
  'stdvar_over_time',
  'absent_over_time',
];
const CALENDAR = [
  'day_of_month',
  'day_of_week',
  'day_of_year',
  'days_in_month',
  'hour',
  'minute',
  'month',
  'year',
];

export const FUNCTIONS: Readonly<Record<string, FunctionSignature>> = {
  ...Object.fromEntries(VECTOR_TO_VECTOR.map((name) => [name, fn(['vector'], 'vector')])),
  ...Object.fromEntries(RANGE_TO_VECTOR.map((name) => [name, fn(['matrix'], 'vector')])),
  ...Object.fromEntries(CALENDAR.map((name) => [name, fn(['vector'], 'vector', 1)])),
  round: fn(['vector', 'scalar'], 'vector', 1),
  clamp: fn(['vector', 'scalar', 'scalar'], 'vector'),
  clamp_min: fn(['vector', 'scalar'], 'vector'),
  clamp_max: fn(['vector', 'scalar'], 'vector'),
  predict_linear: fn(['matrix', 'scalar'], 'vector'),
  quantile_over_time: fn(['scalar', 'matrix'], 'vector'),
  histogram_quantile: fn(['scalar', 'vector'], 'vector'),
  time: fn([], 'scalar'),
  pi: fn([], 'scalar'),
  vector: fn(['scalar'], 'vector'),
  scalar: fn(['vector'], 'scalar'),
  label_replace: fn(['vector', 'string', 'string', 'string', 'string'], 'vector'),
  label_join: fn(['vector', 'string', 'string', 'string'], 'vector', Infinity, true),
};

export const AGGREGATE_OPS: readonly AggregateOp[] = [
  'sum',
  'avg',
  'min',
  'max',
  'count',
  'group',
  'stddev',
  'stdvar',
  'topk',
  'bottomk',
  'quantile',
  'count_values',
];

/** Type of the parameter an aggregation takes before its vector, if any. */
export function aggregateParamType(op: AggregateOp): ValueType | undefined {
  if (op === 'topk' || op === 'bottomk' || op === 'quantile') return 'scalar';
  if (op === 'count_values') return 'string';
  return undefined;
}

export function typeOf(expr: Expr): ValueType {
  switch (expr.type) {
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'vectorSelector':
    case 'aggregate':
      return 'vector';
    case 'matrixSelector':
    case 'subquery':
      return 'matrix';
    case 'call':
      return FUNCTIONS[expr.name]?.returns ?? 'vector';
    case 'binary':
      return typeOf(expr.lhs) === 'scalar' && typeOf(expr.rhs) === 'scalar' ? 'scalar' : 'vector';
    case 'unary':
    case 'paren':
      return typeOf(expr.expr);
  }
}

/** How Prometheus names value types in error messages. */
export function describeType(type: ValueType): string {
  return type === 'vector' ? 'instant vector' : type === 'matrix' ? 'range vector' : type;
}
