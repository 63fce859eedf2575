/** Range arguments of functions: a range selector (`x[5m]`) or a subquery (`expr[1h:1m]`). */
import type { Expr, MatrixSelector, Subquery } from './ast';
import { PromQLExecutionError } from './errors';
import {
  selectMatrix,
  stepsFor,
  windowIndexes,
  type EvalContext,
  type WindowedSeries,
} from './selectors';
import type { EvalValue } from './values';

/** Prometheus' default global evaluation interval, used by subqueries without a step. */
export const DEFAULT_SUBQUERY_STEP_MS = 60_000;

export type EvaluateIn = (expr: Expr, ctx: EvalContext) => EvalValue;

export interface RangeInput {
  readonly windows: WindowedSeries[];
  /** Per step, the time each window ends at before the offset (the step, or the `@` time). */
  readonly anchors: Float64Array;
  readonly rangeMs: number;
  readonly offsetMs: number;
}

export function rangeInput(node: Expr, ctx: EvalContext, evaluate: EvaluateIn): RangeInput {
  const inner = node.type === 'paren' ? node.expr : node;
  if (inner.type === 'matrixSelector') return selectorInput(inner, ctx);
  if (inner.type === 'subquery') return subqueryInput(inner, ctx, evaluate);
  if (inner.type === 'paren') return rangeInput(inner, ctx, evaluate);
  throw new PromQLExecutionError(`expected range vector, got ${inner.type}`);
}

function selectorInput(node: MatrixSelector, ctx: EvalContext): RangeInput {
  return {
    windows: selectMatrix(node, ctx),
    anchors: stepsFor(node.selector, ctx),
    rangeMs: node.rangeMs,
    offsetMs: node.selector.offsetMs,
  };
}

/**
 * Evaluates the inner expression on its own grid (multiples of the subquery step, as Prometheus
 * aligns them) and turns each resulting series into samples the outer windows can read.
 */
function subqueryInput(node: Subquery, ctx: EvalContext, evaluate: EvaluateIn): RangeInput {
  const interval = node.stepMs || DEFAULT_SUBQUERY_STEP_MS;
  const first = ctx.steps[0]! - node.offsetMs - node.rangeMs;
  const last = ctx.steps[ctx.steps.length - 1]! - node.offsetMs;
  const start = Math.ceil(first / interval) * interval;
  const count = Math.max(0, Math.floor((last - start) / interval) + 1);
  const innerSteps = Float64Array.from({ length: count }, (_, i) => start + i * interval);
  const value = evaluate(node.expr, { ...ctx, steps: innerSteps });
  if (value.type !== 'vector')
    throw new PromQLExecutionError('subquery is only allowed on instant vector');
  const windows = value.series.map((s) => {
    const ts: number[] = [];
    const vs: number[] = [];
    innerSteps.forEach((t, i) => {
      if (!s.present[i]) return;
      ts.push(t);
      vs.push(s.values[i]!);
    });
    const block = { ts: Float64Array.from(ts), vs: Float64Array.from(vs) };
    return {
      labels: s.labels,
      block,
      ...windowIndexes(block, ctx.steps, node.rangeMs, node.offsetMs),
    };
  });
  return { windows, anchors: ctx.steps, rangeMs: node.rangeMs, offsetMs: node.offsetMs };
}
