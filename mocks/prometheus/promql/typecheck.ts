/** Static checks Prometheus performs while parsing, with its error messages. */
import type { Binary, Call } from './ast';
import { isComparison, isSetOp } from './ast';
import type { PromQLParseError } from './errors';
import { FUNCTIONS, describeType, typeOf } from './signatures';

type ErrorAt = (pos: number, detail: string) => PromQLParseError;

export function checkBinary(
  node: Binary,
  opPos: number,
  explicitMatching: boolean,
  error: ErrorAt,
): void {
  const lhsType = typeOf(node.lhs);
  const rhsType = typeOf(node.rhs);
  for (const type of [lhsType, rhsType]) {
    if (type !== 'scalar' && type !== 'vector') {
      throw error(node.pos, 'binary expression must contain only scalar and instant vector types');
    }
  }
  if (node.returnBool && !isComparison(node.op)) {
    throw error(opPos, 'bool modifier can only be used on comparison operators');
  }
  if (isComparison(node.op) && lhsType === 'scalar' && rhsType === 'scalar' && !node.returnBool) {
    throw error(opPos, 'comparisons between scalars must use BOOL modifier');
  }
  if (isSetOp(node.op) && (lhsType === 'scalar' || rhsType === 'scalar')) {
    throw error(node.pos, `set operator "${node.op}" not allowed in binary scalar expression`);
  }
  if (explicitMatching && (lhsType !== 'vector' || rhsType !== 'vector')) {
    throw error(node.pos, 'vector matching only allowed between instant vectors');
  }
  const matching = node.matching;
  if (matching && matching.card !== 'one-to-one' && matching.card !== 'many-to-many') {
    const overlap = matching.on ? matching.include.filter((l) => matching.labels.includes(l)) : [];
    if (overlap.length > 0) {
      throw error(node.pos, `label "${overlap[0]}" must not occur in ON and GROUP clause at once`);
    }
  }
}

export function checkCall(call: Call, error: ErrorAt): void {
  const signature = FUNCTIONS[call.name]!;
  const required =
    signature.args.length -
    Math.min(signature.optional, signature.variadic ? 1 : signature.optional);
  const given = call.args.length;
  if (!signature.variadic && signature.optional === 0 && given !== signature.args.length) {
    throw error(
      call.pos,
      `expected ${signature.args.length} argument(s) in call to "${call.name}", got ${given}`,
    );
  }
  if (given < required) {
    throw error(
      call.pos,
      `expected at least ${required} argument(s) in call to "${call.name}", got ${given}`,
    );
  }
  if (!signature.variadic && given > signature.args.length) {
    throw error(
      call.pos,
      `expected at most ${signature.args.length} argument(s) in call to "${call.name}", got ${given}`,
    );
  }
  call.args.forEach((arg, i) => {
    const expected = signature.args[Math.min(i, signature.args.length - 1)]!;
    const actual = typeOf(arg);
    if (actual !== expected) {
      throw error(
        arg.pos,
        `expected type ${describeType(expected)} in call to function "${call.name}", got ${describeType(actual)}`,
      );
    }
  });
}
