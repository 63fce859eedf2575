/** Function calls: dispatches range functions and implements the instant-vector ones. */
import type { Call, Expr, VectorSelector } from './ast';
import { PromQLExecutionError } from './errors';
import { histogramQuantile } from './histogram-quantile';
import { applyRangeFunction, isRangeFunction } from './range-functions';
import { dropMetricName, isValidLabelName, withLabel, type Labels } from './labels';
import { roundTo } from './math';
import { selectWindows, type EvalContext } from './selectors';
import { rangeInput } from './subquery';
import { emptySeries, mapValues, mergeByLabels, type EvalValue, type StepSeries } from './values';
import { labelReplace } from './label-replace';

/** Evaluates an expression, by default in the caller's context. */
export type Evaluate = (expr: Expr, ctx?: EvalContext) => EvalValue;

const MATH: Readonly<Record<string, (v: number) => number>> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  exp: Math.exp,
  sqrt: Math.sqrt,
  ln: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  sgn: (v) => (v > 0 ? 1 : v < 0 ? -1 : v),
};

const CALENDAR: Readonly<Record<string, (d: Date) => number>> = {
  day_of_month: (d) => d.getUTCDate(),
  day_of_week: (d) => d.getUTCDay(),
  day_of_year: (d) =>
    Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1,
  days_in_month: (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate(),
  hour: (d) => d.getUTCHours(),
  minute: (d) => d.getUTCMinutes(),
  month: (d) => d.getUTCMonth() + 1,
  year: (d) => d.getUTCFullYear(),
};

export function callFunction(call: Call, ctx: EvalContext, evaluate: Evaluate): EvalValue {
  const { name, args } = call;
  const steps = ctx.steps;
  const evaluateIn = (e: Expr, c: EvalContext) => evaluate(e, c);
  const scalarArg = (i: number) => asScalar(evaluate(args[i]!));
  const vectorArg = (i: number) => asVector(evaluate(args[i]!));
  const stringArg = (i: number) => asString(evaluate(args[i]!));

  if (isRangeFunction(name)) {
    const input = rangeInput(args[name === 'quantile_over_time' ? 1 : 0]!, ctx, evaluateIn);
    const scalarIndex = name === 'quantile_over_time' ? 0 : name === 'predict_linear' ? 1 : -1;
    const series = applyRangeFunction(name, input.windows, {
      steps: input.anchors,
      rangeMs: input.rangeMs,
      offsetMs: input.offsetMs,
      scalar: scalarIndex >= 0 ? scalarArg(scalarIndex) : undefined,
    });
    return { type: 'vector', series: mergeByLabels(series) };
  }
  const math = MATH[name];
  if (math) return vector(mapValues(vectorArg(0), math, dropMetricName));
  const calendar = CALENDAR[name];
  if (calendar) {
    const input = args.length > 0 ? vectorArg(0) : [timeSeries(steps)];
    return vector(mapValues(input, (v) => calendar(new Date(v * 1000)), dropMetricName));
  }

  switch (name) {
    case 'time':
      return { type: 'scalar', values: steps.map((t) => t / 1000) };
    case 'pi':
      return { type: 'scalar', values: new Float64Array(steps.length).fill(Math.PI) };
    case 'vector': {
      const values = scalarArg(0);
      return vector([{ labels: {}, values, present: new Uint8Array(steps.length).fill(1) }]);
    }
    case 'scalar':
      return { type: 'scalar', values: toScalar(vectorArg(0), steps.length) };
    case 'round': {
      const to = args.length > 1 ? scalarArg(1) : new Float64Array(steps.length).fill(1);
      return vector(mapValues(vectorArg(0), (v, i) => roundTo(v, to[i]!), dropMetricName));
    }
    case 'clamp':
    case 'clamp_min':
    case 'clamp_max':
      return vector(clamp(name, call, scalarArg, vectorArg(0)));
    case 'histogram_quantile':
      return vector(histogramQuantile(scalarArg(0), vectorArg(1)));
    case 'label_replace':
      return vector(
        labelReplace(vectorArg(0), stringArg(1), stringArg(2), stringArg(3), stringArg(4)),
      );
    case 'label_join':
      return vector(
        labelJoin(
          vectorArg(0),
          stringArg(1),
          stringArg(2),
          args.slice(3).map((_, i) => stringArg(i + 3)),
        ),
      );
    case 'sort':
    case 'sort_desc':
      return vector(vectorArg(0));
    case 'timestamp':
      return vector(timestamps(args[0]!, ctx, evaluate));
    case 'absent':
      return absent(
        vectorArg(0).map((s) => s.present),
        args[0]!,
        steps.length,
      );
    case 'absent_over_time': {
      const { windows } = rangeInput(args[0]!, ctx, evaluateIn);
      const present = windows.map((w) => Uint8Array.from(w.lo, (lo, i) => (w.hi[i]! > lo ? 1 : 0)));
      return absent(present, args[0]!, steps.length);
    }
    default:
      throw new PromQLExecutionError(`function "${name}" is not implemented`);
  }
}

const vector = (series: readonly StepSeries[]): EvalValue => ({ type: 'vector', series });

function unwrap(expr: Expr): Expr {
  return expr.type === 'paren' ? unwrap(expr.expr) : expr;
}

export function asScalar(value: EvalValue): Float64Array {
  if (value.type !== 'scalar') throw new PromQLExecutionError(`expected scalar, got ${value.type}`);
  return value.values;
}

export function asVector(value: EvalValue): readonly StepSeries[] {
  if (value.type !== 'vector')
    throw new PromQLExecutionError(`expected instant vector, got ${value.type}`);
  return value.series;
}

function asString(value: EvalValue): string {
  if (value.type !== 'string') throw new PromQLExecutionError(`expected string, got ${value.type}`);
  return value.value;
}

function timeSeries(steps: Float64Array): StepSeries {
  return {
    labels: {},
    values: steps.map((t) => t / 1000),
    present: new Uint8Array(steps.length).fill(1),
  };
}

/** scalar(v): the single element's value, NaN when there are zero or several. */
function toScalar(series: readonly StepSeries[], steps: number): Float64Array {
  const out = new Float64Array(steps).fill(NaN);
  for (let i = 0; i < steps; i++) {
    let found = 0;
    for (const s of series) {
      if (!s.present[i]) continue;
      found++;
      out[i] = s.values[i]!;
    }
    if (found !== 1) out[i] = NaN;
  }
  return out;
}

function clamp(
  name: string,
  call: Call,
  scalarArg: (i: number) => Float64Array,
  input: readonly StepSeries[],
): StepSeries[] {
  const steps = input[0]?.values.length ?? 0;
  const min = name === 'clamp_max' ? new Float64Array(steps).fill(-Infinity) : scalarArg(1);
  const max =
    name === 'clamp_min' ? new Float64Array(steps).fill(Infinity) : scalarArg(call.args.length - 1);
  // clamp() with min > max yields an empty vector at that step.
  const filtered = input.map((s) => {
    const present = s.present.map((p, i) => (p && !(min[i]! > max[i]!) ? 1 : 0));
    return { ...s, present };
  });
  return mapValues(filtered, (v, i) => Math.max(min[i]!, Math.min(max[i]!, v)), dropMetricName);
}

function labelJoin(
  input: readonly StepSeries[],
  dst: string,
  separator: string,
  sources: string[],
): StepSeries[] {
  if (!isValidLabelName(dst)) {
    throw new PromQLExecutionError(`invalid destination label name in label_join(): ${dst}`);
  }
  return mergeByLabels(
    input.map((s) => ({
      ...s,
      labels: withLabel(s.labels, dst, sources.map((l) => s.labels[l] ?? '').join(separator)),
    })),
  );
}

function timestamps(arg: Expr, ctx: EvalContext, evaluate: Evaluate): StepSeries[] {
  const inner = unwrap(arg);
  if (inner.type !== 'vectorSelector') {
    return mapValues(asVector(evaluate(arg)), (_, i) => ctx.steps[i]! / 1000, dropMetricName);
  }
  // A selected sample's own timestamp, not the evaluation time.
  return mergeByLabels(
    selectWindows(inner, ctx.lookbackMs, ctx).map((w) => {
      const out = emptySeries(dropMetricName(w.labels), ctx.steps.length);
      for (let i = 0; i < ctx.steps.length; i++) {
        if (w.hi[i]! <= w.lo[i]!) continue;
        out.values[i] = w.block.ts[w.hi[i]! - 1]! / 1000;
        out.present[i] = 1;
      }
      return out;
    }),
  );
}

/** Labels absent() reports: the equality matchers of a plain selector, as Prometheus does. */
function absentLabels(expr: Expr): Labels {
  const inner = unwrap(expr);
  const selector: VectorSelector | undefined =
    inner.type === 'vectorSelector'
      ? inner
      : inner.type === 'matrixSelector'
        ? inner.selector
        : undefined;
  if (!selector) return {};
  const labels: Record<string, string> = {};
  const seen = new Set<string>();
  for (const m of selector.matchers) {
    if (m.name === '__name__') continue;
    if (m.op === '=' && !seen.has(m.name)) {
      labels[m.name] = m.value;
      seen.add(m.name);
    } else {
      delete labels[m.name];
    }
  }
  return labels;
}

function absent(present: readonly Uint8Array[], arg: Expr, steps: number): EvalValue {
  const out = emptySeries(absentLabels(arg), steps);
  for (let i = 0; i < steps; i++) {
    if (present.some((p) => p[i])) continue;
    out.values[i] = 1;
    out.present[i] = 1;
  }
  return vector([out]);
}
