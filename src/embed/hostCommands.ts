import {
  resolveRange,
  type AbsoluteTimeRange,
  type RawTimeRange,
  type Result,
  type TimeZoneMode,
} from '@/lib/time';
import type { ErrorMessage, StateMessage, ThemeName } from './protocol';

/**
 * Checks a range a host asked for before it reaches the URL: both ends must parse as time
 * expressions (`now-6h`, ISO dates, epoch ms) and `from` must come first.
 */
export function checkHostTimeRange(
  raw: RawTimeRange,
  now: number,
  tz: TimeZoneMode,
): Result<AbsoluteTimeRange> {
  return resolveRange(raw, now, tz);
}

export function timeRangeError(raw: RawTimeRange, reason: string): ErrorMessage {
  return {
    type: 'observatory:error',
    code: 'invalid-time-range',
    request: 'observatory:set-time-range',
    message: `Time range ${JSON.stringify(raw.from)} to ${JSON.stringify(raw.to)} refused: ${reason}`,
  };
}

/** A variable's values as the URL holds them; an empty list clears the variable. */
export function variableValues(value: string | readonly string[]): string[] {
  return typeof value === 'string' ? [value] : [...value];
}

export function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function buildStateMessage(input: {
  route: string;
  raw: RawTimeRange;
  range: AbsoluteTimeRange;
  variables: Record<string, string[]>;
  theme: ThemeName;
  resolvedTheme: 'light' | 'dark';
}): StateMessage {
  return {
    type: 'observatory:state',
    route: input.route,
    range: { from: input.raw.from, to: input.raw.to, resolved: { ...input.range } },
    variables: input.variables,
    theme: input.theme,
    resolvedTheme: input.resolvedTheme,
  };
}
