/**
 * Evaluates a parsed query over a store. Every node is evaluated for all steps of the query at
 * once, so a range query costs about one pass over each selected series.
 */
import type { Expr, VectorSelector } from './ast';
import { evaluateBinary } from './binary';
import { aggregate } from './aggregations';
import { PromQLBadQueryError, PromQLExecutionError } from './errors';
import { asScalar, asVector, callFunction } from './functions';
import { compareLabels, dropMetricName, type Labels } from './labels';
import { parse } from './parser';
import { selectVector, type EvalContext } from './selectors';
import { rangeInput } from './subquery';
import { typeOf } from './signatures';
import type { SeriesStore, StoredSeries } from './store';
import { mapValues, type EvalValue } from './values';

/** Prometheus' default lookback for instant vector selectors. */
export const DEFAULT_LOOKBACK_MS = 5 * 60_000;

export type Sample = readonly [timestampMs: number, value: number];

export type InstantResult =
  | { readonly resultType: 'vector'; readonly result: { metric: Labels; value: Sample }[] }
  | { readonly resultType: 'scalar'; readonly result: Sample }
  | { readonly resultType: 'string'; readonly result: readonly [number, string] }
  | { readonly resultType: 'matrix'; readonly result: { metric: Labels; values: Sample[] }[] };

export interface RangeResult {
  readonly resultType: 'matrix';
  readonly result: { metric: Labels; values: Sample[] }[];
}

export interface QueryOptions {
  readonly lookbackMs?: number;
}

export function evaluate(expr: Expr, ctx: EvalContext): EvalValue {
  const steps = ctx.steps.length;
  const recurse = (e: Expr, c: EvalContext = ctx) => evaluate(e, c);
  switch (expr.type) {
    case 'number':
      return { type: 'scalar', values: new Float64Array(steps).fill(expr.value) };
    case 'string':
      return { type: 'string', value: expr.value };
    case 'paren':
      return recurse(expr.expr);
    case 'vectorSelector':
      return { type: 'vector', series: selectVector(expr, ctx) };
    case 'matrixSelector':
    case 'subquery': {
      // Only reached for a range vector at the top of an instant query: return raw samples.
      const series = rangeInput(expr, ctx, recurse).windows.map((w) => ({
        labels: w.labels,
        block: {
          ts: w.block.ts.subarray(w.lo[0], w.hi[0]),
          vs: w.block.vs.subarray(w.lo[0], w.hi[0]),
        },
      }));
      return { type: 'matrix', series: series.filter((s) => s.block.ts.length > 0) };
    }
    case 'unary': {
      const value = recurse(expr.expr);
      if (value.type === 'scalar') return { type: 'scalar', values: value.values.map((v) => -v) };
      return { type: 'vector', series: mapValues(asVector(value), (v) => -v, dropMetricName) };
    }
    case 'call':
      return callFunction(expr, ctx, recurse);
    case 'aggregate': {
      const input = asVector(recurse(expr.expr));
      const param = expr.param ? recurse(expr.param) : undefined;
      const paramValue =
        param === undefined ? undefined : param.type === 'string' ? param.value : asScalar(param);
      return { type: 'vector', series: aggregate(expr, input, paramValue, steps) };
    }
    case 'binary':
      return evaluateBinary(expr, recurse(expr.lhs), recurse(expr.rhs), steps);
  }
}

/** Selections memoised per query: a query naming one selector twice selects it once. */
function contextFor(store: SeriesStore, steps: Float64Array, options: QueryOptions): EvalContext {
  const selections = new Map<string, readonly StoredSeries[]>();
  return {
    steps,
    queryStartMs: steps[0] ?? 0,
    queryEndMs: steps[steps.length - 1] ?? 0,
    lookbackMs: options.lookbackMs ?? DEFAULT_LOOKBACK_MS,
    select(selector: VectorSelector) {
      const key = selector.matchers.map((m) => `${m.name}${m.op}${m.value}`).join('\xff');
      let found = selections.get(key);
      if (!found) {
        // Storage order (sorted by labels) decides ties in topk/bottomk, as in Prometheus.
        found = [...store.select(selector.matchers)].sort((a, b) =>
          compareLabels(a.labels, b.labels),
        );
        selections.set(key, found);
      }
      return found;
    },
  };
}

const toExpr = (query: string | Expr) => (typeof query === 'string' ? parse(query) : query);

function unwrap(expr: Expr): Expr {
  return expr.type === 'paren' ? unwrap(expr.expr) : expr;
}

/** Order of an instant vector: sort()/topk() order by value, everything else by labels. */
function instantOrder(expr: Expr): ((a: number, b: number) => number) | undefined {
  const top = unwrap(expr);
  const byValue = (desc: boolean) => (a: number, b: number) => {
    if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
    if (Number.isNaN(b)) return -1;
    return desc ? b - a : a - b;
  };
  if (top.type === 'call' && (top.name === 'sort' || top.name === 'sort_desc'))
    return byValue(top.name === 'sort_desc');
  if (top.type === 'aggregate' && (top.op === 'topk' || top.op === 'bottomk'))
    return byValue(top.op === 'topk');
  return undefined;
}

export function instantQuery(
  store: SeriesStore,
  query: string | Expr,
  timeMs: number,
  options: QueryOptions = {},
): InstantResult {
  const expr = toExpr(query);
  const value = evaluate(expr, contextFor(store, Float64Array.of(timeMs), options));
  switch (value.type) {
    case 'scalar':
      return { resultType: 'scalar', result: [timeMs, value.values[0]!] };
    case 'string':
      return { resultType: 'string', result: [timeMs, value.value] };
    case 'matrix':
      return {
        resultType: 'matrix',
        result: value.series.map((s) => ({
          metric: s.labels,
          values: Array.from(s.block.ts, (t, i) => [t, s.block.vs[i]!] as const),
        })),
      };
    case 'vector': {
      const result = value.series
        .filter((s) => s.present[0])
        .map((s) => ({ metric: s.labels, value: [timeMs, s.values[0]!] as const }));
      const order = instantOrder(expr);
      result.sort(
        (a, b) => (order ? order(a.value[1], b.value[1]) : 0) || compareLabels(a.metric, b.metric),
      );
      return { resultType: 'vector', result };
    }
  }
}

export function rangeQuery(
  store: SeriesStore,
  query: string | Expr,
  startMs: number,
  endMs: number,
  stepMs: number,
  options: QueryOptions = {},
): RangeResult {
  const expr = toExpr(query);
  const type = typeOf(expr);
  if (type !== 'scalar' && type !== 'vector') {
    const name = type === 'matrix' ? 'range vector' : type;
    throw new PromQLBadQueryError(
      `invalid expression type "${name}" for range query, must be Scalar or instant Vector`,
    );
  }
  const count = Math.floor((endMs - startMs) / stepMs) + 1;
  const steps = Float64Array.from({ length: count }, (_, i) => startMs + i * stepMs);
  const value = evaluate(expr, contextFor(store, steps, options));
  if (value.type === 'scalar') {
    return {
      resultType: 'matrix',
      result: [{ metric: {}, values: Array.from(steps, (t, i) => [t, value.values[i]!] as const) }],
    };
  }
  if (value.type !== 'vector') throw new PromQLExecutionError(`unexpected ${value.type} result`);
  const result: RangeResult['result'] = [];
  for (const s of value.series) {
    const values: Sample[] = [];
    for (let i = 0; i < steps.length; i++) if (s.present[i]) values.push([steps[i]!, s.values[i]!]);
    if (values.length > 0) result.push({ metric: s.labels, values });
  }
  result.sort((a, b) => compareLabels(a.metric, b.metric));
  return { resultType: 'matrix', result };
}
