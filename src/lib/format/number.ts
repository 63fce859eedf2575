import { formatEnUsDecimal } from './enUsDecimal';

/** Shown for a missing value (null or undefined). */
export const MISSING = '–';

export const DEFAULT_LOCALE = 'en-US';

/** The locale if Intl accepts it, otherwise en-US, so a bad setting never breaks a panel. */
export function usableLocale(locale: string | undefined): string {
  if (locale === undefined) return DEFAULT_LOCALE;
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Text for values that have no digits to show, or null when the value is an ordinary number. */
export function specialValueText(value: number | null | undefined): string | null {
  if (value === null || value === undefined) return MISSING;
  if (Number.isNaN(value)) return 'NaN';
  // Prometheus spells infinities this way in its API and UI.
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return null;
}

const MAX_AUTO_DECIMALS = 8;

/**
 * Decimals that show about three significant digits: 123, 12.3, 1.23, 0.0123.
 * Never more than 8, and none for values of 100 and above.
 */
export function autoDecimals(abs: number): number {
  if (abs === 0 || !Number.isFinite(abs)) return 0;
  return Math.min(MAX_AUTO_DECIMALS, Math.max(0, 2 - Math.floor(Math.log10(abs))));
}

/** An explicit decimals option as a usable integer (0–20), or undefined for automatic. */
export function sanitizeDecimals(decimals: number | undefined): number | undefined {
  if (decimals === undefined || !Number.isFinite(decimals)) return undefined;
  return Math.min(20, Math.max(0, Math.round(decimals)));
}

/** Rounds half away from zero to `decimals` places, as Intl.NumberFormat displays it. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached NumberFormat (building one costs far more than using it). */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * `value` with between `min` and `max` decimals and thousands separators, in `locale`; the
 * default locale is printed without Intl (see enUsDecimal.ts).
 */
export function formatDecimal(value: number, min: number, max: number, locale: string): string {
  const fast = locale === DEFAULT_LOCALE ? formatEnUsDecimal(value, min, max) : null;
  return (
    fast ??
    numberFormat(locale, {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      signDisplay: 'negative',
    }).format(value)
  );
}

/**
 * Formats a finite number with `decimals` places when given, otherwise with automatic
 * decimals and trailing zeros removed. Values too small for the automatic decimals use
 * scientific notation rather than rounding to a misleading 0.
 */
export function formatNumber(value: number, decimals: number | undefined, locale: string): string {
  if (decimals !== undefined) return formatDecimal(value, decimals, decimals, locale);
  const abs = Math.abs(value);
  if (abs !== 0 && abs < 10 ** -(MAX_AUTO_DECIMALS - 2)) {
    return numberFormat(locale, { notation: 'scientific', maximumSignificantDigits: 3 }).format(
      value,
    );
  }
  return formatDecimal(value, 0, autoDecimals(abs), locale);
}

export type ScaleStep = { factor: number; suffix: string };

/**
 * Formats `value` in the largest step it reaches (`steps` ascending by factor), moving up a
 * step when rounding would print the next step's size (999.96 ms → "1 s", not "1,000 ms").
 */
export function formatScaled(
  value: number,
  steps: readonly [ScaleStep, ...ScaleStep[]],
  decimals: number | undefined,
  locale: string,
): string {
  const abs = Math.abs(value);
  // Zero is shown in the base step (factor 1): "0 s", not "0 ns".
  const reached =
    abs === 0
      ? steps.findIndex((s) => s.factor === 1)
      : steps.findLastIndex((s) => abs >= s.factor);
  let index = Math.max(0, reached);
  let step = steps[index] ?? steps[0];
  let promoted = false;
  for (let next = steps[index + 1]; next; next = steps[index + 1]) {
    const scaled = abs / step.factor;
    if (roundTo(scaled, decimals ?? autoDecimals(scaled)) * step.factor < next.factor) break;
    index++;
    step = next;
    promoted = true;
  }
  const scaled = value / step.factor;
  // A promoted value sits just below 1 (0.9996 h); show it as the 1 it rounded up to.
  const shown = promoted && decimals === undefined ? roundTo(scaled, 2) : scaled;
  return `${formatNumber(shown, decimals, locale)}${step.suffix}`;
}

/**
 * A backend string cut to `max` characters with an ellipsis, for places that show a name in a
 * single line (buttons, badges). The full value stays available in Inspect and exports.
 */
export function clipText(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
