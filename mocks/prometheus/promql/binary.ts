/** Binary operators: arithmetic, comparisons (with `bool`), set operators and vector matching. */
import type { Binary, BinaryOp, VectorMatching } from './ast';
import { isComparison, isSetOp } from './ast';
import { PromQLExecutionError } from './errors';
import {
  dropMetricName,
  formatLabels,
  keepLabels,
  labelsKey,
  METRIC_NAME,
  withLabel,
  withoutLabels,
  type Labels,
} from './labels';
import { emptySeries, mergeByLabels, type EvalValue, type StepSeries } from './values';

function arithmetic(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
    case '^':
      return a ** b;
    case 'atan2':
      return Math.atan2(a, b);
    default:
      throw new PromQLExecutionError(`operator "${op}" not allowed here`);
  }
}

function compare(op: BinaryOp, a: number, b: number): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '>=':
      return a >= b;
    default:
      return a <= b;
  }
}

/**
 * One element-wise result: the value, or undefined when a comparison filters it out. A filtering
 * comparison keeps the vector's own value, whichever side the vector is on.
 */
function elementResult(node: Binary, a: number, b: number, keep: number): number | undefined {
  if (!isComparison(node.op)) return arithmetic(node.op, a, b);
  const holds = compare(node.op, a, b);
  if (node.returnBool) return holds ? 1 : 0;
  return holds ? keep : undefined;
}

/** Arithmetic drops the metric name (atan2 keeps it, as in Prometheus 2.x); so does `bool`. */
const dropsName = (node: Binary) =>
  (!isComparison(node.op) && node.op !== 'atan2') || node.returnBool;

export function evaluateBinary(
  node: Binary,
  lhs: EvalValue,
  rhs: EvalValue,
  steps: number,
): EvalValue {
  if (lhs.type === 'scalar' && rhs.type === 'scalar') {
    const values = new Float64Array(steps);
    for (let i = 0; i < steps; i++)
      values[i] = elementResult(node, lhs.values[i]!, rhs.values[i]!, lhs.values[i]!)!;
    return { type: 'scalar', values };
  }
  if (lhs.type === 'vector' && rhs.type === 'scalar') {
    return { type: 'vector', series: vectorScalar(node, lhs.series, rhs.values, false) };
  }
  if (lhs.type === 'scalar' && rhs.type === 'vector') {
    return { type: 'vector', series: vectorScalar(node, rhs.series, lhs.values, true) };
  }
  if (lhs.type === 'vector' && rhs.type === 'vector') {
    const matching = node.matching!;
    const series = isSetOp(node.op)
      ? setOperation(node.op, lhs.series, rhs.series, matching, steps)
      : vectorVector(node, lhs.series, rhs.series, matching, steps);
    return { type: 'vector', series };
  }
  throw new PromQLExecutionError(
    'binary expression must contain only scalar and instant vector types',
  );
}

function vectorScalar(
  node: Binary,
  series: readonly StepSeries[],
  scalar: Float64Array,
  scalarOnLeft: boolean,
) {
  return mergeByLabels(
    series.map((s) => {
      const out = emptySeries(dropsName(node) ? dropMetricName(s.labels) : s.labels, scalar.length);
      for (let i = 0; i < scalar.length; i++) {
        if (!s.present[i]) continue;
        const [a, b] = scalarOnLeft ? [scalar[i]!, s.values[i]!] : [s.values[i]!, scalar[i]!];
        const value = elementResult(node, a, b, s.values[i]!);
        if (value === undefined) continue;
        out.values[i] = value;
        out.present[i] = 1;
      }
      return out;
    }),
  );
}

function signature(labels: Labels, matching: VectorMatching): string {
  return labelsKey(
    matching.on
      ? keepLabels(labels, matching.labels)
      : withoutLabels(labels, [...matching.labels, METRIC_NAME]),
  );
}

function indexBySignature(series: readonly StepSeries[], matching: VectorMatching) {
  const index = new Map<string, StepSeries[]>();
  for (const s of series) {
    const key = signature(s.labels, matching);
    const list = index.get(key);
    if (list) list.push(s);
    else index.set(key, [s]);
  }
  return index;
}

/** Steps at which any series of each signature has a sample. */
function presenceBySignature(
  series: readonly StepSeries[],
  matching: VectorMatching,
  steps: number,
) {
  const presence = new Map<string, Uint8Array>();
  for (const s of series) {
    const key = signature(s.labels, matching);
    let mask = presence.get(key);
    if (!mask) presence.set(key, (mask = new Uint8Array(steps)));
    for (let i = 0; i < steps; i++) mask[i] = mask[i]! | s.present[i]!;
  }
  return presence;
}

function setOperation(
  op: BinaryOp,
  lhs: readonly StepSeries[],
  rhs: readonly StepSeries[],
  matching: VectorMatching,
  steps: number,
) {
  const rhsPresence = presenceBySignature(rhs, matching, steps);
  const filter = (s: StepSeries, mask: Uint8Array | undefined, keepWhere: 0 | 1): StepSeries => ({
    ...s,
    present: s.present.map((p, i) => (p && (mask?.[i] ?? 0) === keepWhere ? 1 : 0)),
  });
  if (op === 'and')
    return lhs.map((s) => filter(s, rhsPresence.get(signature(s.labels, matching)), 1));
  if (op === 'unless')
    return lhs.map((s) => filter(s, rhsPresence.get(signature(s.labels, matching)), 0));
  const lhsPresence = presenceBySignature(lhs, matching, steps);
  return mergeByLabels([
    ...lhs,
    ...rhs.map((s) => filter(s, lhsPresence.get(signature(s.labels, matching)), 0)),
  ]);
}

function resultLabels(node: Binary, many: Labels, one: Labels, matching: VectorMatching): Labels {
  let labels = dropsName(node) ? dropMetricName(many) : many;
  if (matching.card === 'one-to-one') {
    labels = matching.on
      ? keepLabels(labels, matching.labels)
      : withoutLabels(labels, matching.labels);
  }
  for (const name of matching.include) labels = withLabel(labels, name, one[name] ?? '');
  return labels;
}

function vectorVector(
  node: Binary,
  lhs: readonly StepSeries[],
  rhs: readonly StepSeries[],
  matching: VectorMatching,
  steps: number,
) {
  if (matching.card === 'many-to-many')
    throw new PromQLExecutionError('many-to-many only allowed for set operators');
  const oneToMany = matching.card === 'one-to-many';
  // The "many" side drives the loop; with one-to-one both sides must be unique per step.
  const [many, one] = oneToMany ? [rhs, lhs] : [lhs, rhs];
  const oneIndex = indexBySignature(one, matching);
  const seenMany = new Map<string, Uint8Array>();
  const out: StepSeries[] = [];
  for (const m of many) {
    const key = signature(m.labels, matching);
    const candidates = oneIndex.get(key);
    if (!candidates) continue;
    if (matching.card === 'one-to-one') {
      let seen = seenMany.get(key);
      if (!seen) seenMany.set(key, (seen = new Uint8Array(steps)));
      for (let i = 0; i < steps; i++) {
        if (!m.present[i] || !candidates.some((c) => c.present[i])) continue;
        if (seen[i]) {
          throw new PromQLExecutionError(
            'multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)',
          );
        }
        seen[i] = 1;
      }
    }
    for (const o of candidates) {
      const series = emptySeries(resultLabels(node, m.labels, o.labels, matching), steps);
      for (let i = 0; i < steps; i++) {
        if (!m.present[i] || !o.present[i]) continue;
        if (candidates.some((c) => c !== o && c.present[i])) {
          throw duplicateOnOneSide(candidates, i, matching, oneToMany ? 'left' : 'right');
        }
        const [a, b] = oneToMany ? [o.values[i]!, m.values[i]!] : [m.values[i]!, o.values[i]!];
        const value = elementResult(node, a, b, a);
        if (value === undefined) continue;
        series.values[i] = value;
        series.present[i] = 1;
      }
      out.push(series);
    }
  }
  return matching.card === 'one-to-one'
    ? mergeByLabels(out)
    : mergeByLabels(out, 'multiple matches for labels: grouping labels must ensure unique matches');
}

/** Prometheus names two clashing series, the later one first. */
function duplicateOnOneSide(
  candidates: StepSeries[],
  step: number,
  matching: VectorMatching,
  side: string,
): PromQLExecutionError {
  const clashing = candidates
    .filter((c) => c.present[step])
    .slice(0, 2)
    .reverse();
  const group = matching.on
    ? keepLabels(clashing[0]!.labels, matching.labels)
    : withoutLabels(clashing[0]!.labels, [...matching.labels, METRIC_NAME]);
  const names = clashing.map((c) => formatLabels(c.labels)).join(', ');
  return new PromQLExecutionError(
    `found duplicate series for the match group ${formatLabels(group)} on the ${side} hand-side of the operation: [${names}];many-to-many matching not allowed: matching labels must be unique on one side`,
  );
}
