import { isRecord } from './context';

/**
 * Allocation-free checks for the hot path. Each format's zod schema is the definition of what
 * is accepted; the guard built from these helpers accepts only values its schema accepts
 * (a test checks this), so a well-formed span is validated without zod copying it. Anything
 * the guard refuses goes through zod, which explains the problem and salvages what it can.
 */

export { isRecord };

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function isNullishString(value: unknown): value is string | null | undefined {
  return value == null || typeof value === 'string';
}

export function isNumberOrString(value: unknown): value is number | string {
  return typeof value === 'number' || typeof value === 'string';
}

export function isNullishNumberOrString(
  value: unknown,
): value is number | string | null | undefined {
  return value == null || typeof value === 'number' || typeof value === 'string';
}

/** null, undefined, or an array whose every item passes `item`. */
export function isNullishListOf(value: unknown, item: (v: unknown) => boolean): boolean {
  if (value == null) return true;
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!item(value[i])) return false;
  return true;
}
