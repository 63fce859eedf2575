const DIGITS = /^\d+$/;

/**
 * Unix nanoseconds (an int64 sent as a JSON string or number) to microseconds. Digit strings
 * are cut rather than divided, so no precision is lost above the microsecond; values past 2^53
 * µs (year 2255) cannot be exact in a number and are rounded.
 */
export function nanosToMicros(value: string | number): number {
  if (typeof value === 'number') return Math.floor(value / 1000);
  if (DIGITS.test(value)) return value.length <= 3 ? 0 : Number(value.slice(0, -3));
  return Math.floor(Number(value) / 1000);
}

/** A microsecond count sent as a number or a decimal string (Jaeger, Zipkin). */
export function toMicros(value: string | number): number {
  return typeof value === 'number' ? value : Number(value);
}
