/** Units a panel can declare for its values. */
export const UNITS = [
  'none',
  'short',
  'percent',
  'percentunit',
  'bytes',
  'bytes/s',
  's',
  'ms',
  'reqps',
  'tokens',
  'currency',
] as const;

export type Unit = (typeof UNITS)[number];

export const isUnit = (value: string): value is Unit =>
  (UNITS as readonly string[]).includes(value);
