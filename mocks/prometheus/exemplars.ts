/** /api/v1/query_exemplars: exemplars of every series the query's selectors select. */
import type { Simulator } from '@mocks/sim';
import type { Expr, LabelMatcher } from './promql/ast';
import { formatSampleValue } from './promql/format';
import type { SimStore } from './sim-store';

/** Keeps responses small even for broad selectors over long ranges. */
const MAX_SERIES = 200;
const MAX_EXEMPLARS = 2_000;

export function selectorsOf(expr: Expr): LabelMatcher[][] {
  switch (expr.type) {
    case 'vectorSelector':
      return [[...expr.matchers]];
    case 'matrixSelector':
      return selectorsOf(expr.selector);
    case 'call':
      return expr.args.flatMap(selectorsOf);
    case 'aggregate':
      return [...selectorsOf(expr.expr), ...(expr.param ? selectorsOf(expr.param) : [])];
    case 'binary':
      return [...selectorsOf(expr.lhs), ...selectorsOf(expr.rhs)];
    case 'unary':
    case 'paren':
    case 'subquery':
      return selectorsOf(expr.expr);
    default:
      return [];
  }
}

export function queryExemplars(
  sim: Simulator,
  store: SimStore,
  expr: Expr,
  startMs: number,
  endMs: number,
): unknown[] {
  const out: unknown[] = [];
  let total = 0;
  for (const series of store.matching(selectorsOf(expr))) {
    if (out.length >= MAX_SERIES || total >= MAX_EXEMPLARS) break;
    const exemplars = sim.exemplars(series.id, startMs, endMs).slice(0, MAX_EXEMPLARS - total);
    if (exemplars.length === 0) continue;
    total += exemplars.length;
    out.push({
      seriesLabels: series.labels,
      exemplars: exemplars.map((e) => ({
        labels: e.labels,
        value: formatSampleValue(e.value),
        timestamp: e.timestampMs / 1000,
      })),
    });
  }
  return out;
}
