import {
  DEFAULT_LOCALE,
  autoDecimals,
  formatScaled,
  roundTo,
  specialValueText,
  type ScaleStep,
} from './number';

/** Steps for durations measured in seconds, from nanoseconds to days. */
export const SECOND_STEPS: readonly [ScaleStep, ...ScaleStep[]] = [
  { factor: 1e-9, suffix: ' ns' },
  { factor: 1e-6, suffix: ' µs' },
  { factor: 1e-3, suffix: ' ms' },
  { factor: 1, suffix: ' s' },
  { factor: 60, suffix: ' min' },
  { factor: 3_600, suffix: ' h' },
  { factor: 86_400, suffix: ' d' },
];

/** A duration in seconds in the one unit that reads best: "12.3 ms", "1.5 min". */
export function formatSeconds(
  seconds: number,
  decimals: number | undefined,
  locale: string,
): string {
  return formatScaled(seconds, SECOND_STEPS, decimals, locale);
}

const SUB_MINUTE_STEPS: readonly [ScaleStep, ...ScaleStep[]] = [
  { factor: 1e-3, suffix: ' µs' },
  { factor: 1, suffix: ' ms' },
  { factor: 1_000, suffix: ' s' },
];

const COMPOUND_UNITS = [
  { seconds: 86_400, suffix: 'd' },
  { seconds: 3_600, suffix: 'h' },
  { seconds: 60, suffix: 'min' },
  { seconds: 1, suffix: 's' },
] as const;

/**
 * A duration in milliseconds for people to read: "340 µs", "340 ms", "1.2 s", and from a
 * minute up its two largest parts to the second: "1 min 30 s", "2 h 3 min", "3 d" (a zero
 * second part is left out, and smaller parts are dropped rather than rounded in).
 */
export function formatDuration(ms: number): string {
  const special = specialValueText(ms);
  if (special !== null) return special;
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms === 0) return '0 ms';

  const seconds = ms / 1_000;
  if (roundTo(seconds, autoDecimals(seconds)) < 60) {
    return formatScaled(ms, SUB_MINUTE_STEPS, undefined, DEFAULT_LOCALE);
  }

  let rest = Math.round(seconds);
  const counts = COMPOUND_UNITS.map((unit) => {
    const count = Math.floor(rest / unit.seconds);
    rest -= count * unit.seconds;
    return { count, suffix: unit.suffix };
  });
  const largest = counts.findIndex((c) => c.count > 0);
  return counts
    .slice(largest, largest + 2)
    .filter((c) => c.count > 0)
    .map((c) => `${c.count} ${c.suffix}`)
    .join(' ');
}
