import { formatSeconds } from './duration';
import {
  autoDecimals,
  formatDecimal,
  formatNumber,
  formatScaled,
  numberFormat,
  roundTo,
  sanitizeDecimals,
  specialValueText,
  usableLocale,
  type ScaleStep,
} from './number';
import type { Unit } from './units';

export type FormatValueOptions = {
  /** Fixed number of decimals; automatic (about three significant digits) when left out. */
  decimals?: number;
  /** ISO 4217 code for the `currency` unit (default USD). */
  currency?: string;
  /** BCP 47 locale for digits and separators (default en-US, so output is the same everywhere). */
  locale?: string;
};

const SHORT_STEPS: readonly [ScaleStep, ...ScaleStep[]] = [
  { factor: 1, suffix: '' },
  { factor: 1e3, suffix: 'K' },
  { factor: 1e6, suffix: 'M' },
  { factor: 1e9, suffix: 'B' },
  { factor: 1e12, suffix: 'T' },
];

// Binary (IEC) multiples, as memory and disk sizes are reported.
const BYTE_STEPS: readonly [ScaleStep, ...ScaleStep[]] = [
  { factor: 1, suffix: ' B' },
  { factor: 1024, suffix: ' KiB' },
  { factor: 1024 ** 2, suffix: ' MiB' },
  { factor: 1024 ** 3, suffix: ' GiB' },
  { factor: 1024 ** 4, suffix: ' TiB' },
  { factor: 1024 ** 5, suffix: ' PiB' },
];

/**
 * Formats a value in a panel's unit. Missing values show "–", NaN "NaN", infinities
 * "+Inf" / "-Inf". Never throws: an unknown locale or currency code falls back to en-US or to
 * the code written after the number.
 *
 * short/tokens 1.2K, 3.4M, 5.6B · reqps 1.2K req/s · bytes 1.5 KiB · bytes/s 1.5 MiB/s ·
 * s and ms 12.3 ms, 1.5 min · percent (0–100) 42.5% · percentunit (0–1) 42.5% · currency $0.0042
 */
export function formatValue(
  value: number | null | undefined,
  unit: Unit,
  opts: FormatValueOptions = {},
): string {
  const special = specialValueText(value);
  if (special !== null || value === null || value === undefined) return special ?? '';
  const decimals = sanitizeDecimals(opts.decimals);
  const locale = usableLocale(opts.locale);

  switch (unit) {
    case 'none':
      return formatNumber(value, decimals, locale);
    case 'short':
    case 'tokens':
      return formatScaled(value, SHORT_STEPS, decimals, locale);
    case 'reqps':
      return `${formatScaled(value, SHORT_STEPS, decimals, locale)} req/s`;
    case 'bytes':
      return formatScaled(value, BYTE_STEPS, decimals, locale);
    case 'bytes/s':
      return `${formatScaled(value, BYTE_STEPS, decimals, locale)}/s`;
    case 's':
      return formatSeconds(value, decimals, locale);
    case 'ms':
      return formatSeconds(value / 1_000, decimals, locale);
    case 'percent':
      return formatPercent(value, decimals, locale);
    case 'percentunit':
      return formatPercent(value * 100, decimals, locale);
    case 'currency':
      return formatCurrency(value, opts.currency ?? 'USD', decimals, locale);
  }
}

/**
 * Percentages keep up to two decimals (99.95%), and a value just below 100 gets more
 * decimals rather than rounding to a "100%" that an SLO panel would misreport.
 */
function formatPercent(value: number, decimals: number | undefined, locale: string): string {
  if (decimals !== undefined) return `${formatNumber(value, decimals, locale)}%`;
  const abs = Math.abs(value);
  let places = Math.max(2, autoDecimals(abs));
  while (places < 4 && abs < 100 && roundTo(abs, places) >= 100) places++;
  return `${formatDecimal(value, 0, places, locale)}%`;
}

/**
 * Currency in the currency's usual decimals ($12.35), with more for amounts below one unit so
 * per-request costs stay readable ($0.0042 rather than $0.00).
 */
function formatCurrency(
  value: number,
  currency: string,
  decimals: number | undefined,
  locale: string,
): string {
  let usual: number;
  try {
    usual =
      numberFormat(locale, { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
  } catch {
    // Intl rejects codes that are not three letters.
    return `${formatNumber(value, decimals ?? 2, locale)} ${currency}`;
  }
  const abs = Math.abs(value);
  const options: Intl.NumberFormatOptions =
    decimals !== undefined
      ? { minimumFractionDigits: decimals, maximumFractionDigits: decimals }
      : abs !== 0 && abs < 1
        ? {
            minimumFractionDigits: usual,
            maximumFractionDigits: Math.max(usual, autoDecimals(abs)),
          }
        : {};
  return numberFormat(locale, {
    style: 'currency',
    currency,
    signDisplay: 'negative',
    ...options,
  }).format(value);
}

/** A count of things as a whole number with thousands separators: 1,234,567. */
export function formatCount(
  value: number | null | undefined,
  opts: { locale?: string } = {},
): string {
  const special = specialValueText(value);
  if (special !== null || value === null || value === undefined) return special ?? '';
  return formatNumber(Math.round(value), 0, usableLocale(opts.locale));
}

/** A count with its noun: "1 call", "4,745 calls". `plural` defaults to the noun with "s". */
export function formatCountOf(
  value: number,
  noun: string,
  plural = `${noun}s`,
  opts: { locale?: string } = {},
): string {
  return `${formatCount(value, opts)} ${Math.round(value) === 1 ? noun : plural}`;
}
