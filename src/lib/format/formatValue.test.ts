import { formatCount, formatCountOf, formatValue } from './formatValue';
import { UNITS, isUnit, type Unit } from './units';
import { clipText } from './number';

const KiB = 1024;
const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
const TiB = 1024 ** 4;

describe('formatValue: values without digits', () => {
  it.each(UNITS)('%s shows missing, NaN and infinite values the same way', (unit) => {
    expect(formatValue(null, unit)).toBe('–');
    expect(formatValue(undefined, unit)).toBe('–');
    expect(formatValue(Number.NaN, unit)).toBe('NaN');
    expect(formatValue(Number.POSITIVE_INFINITY, unit)).toBe('+Inf');
    expect(formatValue(Number.NEGATIVE_INFINITY, unit)).toBe('-Inf');
  });
});

function cases(unit: Unit, table: Array<[number, string]>) {
  it.each(table)(`${unit}: %s → %s`, (value, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });
}

describe('formatValue: none', () => {
  cases('none', [
    [0, '0'],
    [5, '5'],
    [12.345, '12.3'],
    [1234.5, '1,235'],
    [0.0042, '0.0042'],
    [-3.14159, '-3.14'],
    [-0, '0'],
    [1e-9, '1E-9'],
  ]);
});

describe('formatValue: short and tokens', () => {
  cases('short', [
    [999, '999'],
    [1000, '1K'],
    [1200, '1.2K'],
    [1234, '1.23K'],
    [3_400_000, '3.4M'],
    [5_600_000_000, '5.6B'],
    [7.8e12, '7.8T'],
    [1e15, '1,000T'],
    [-1500, '-1.5K'],
    [0.5, '0.5'],
    [999_999, '1M'],
    [999_499, '999K'],
  ]);
  cases('tokens', [
    [1200, '1.2K'],
    [42, '42'],
    [2_500_000, '2.5M'],
  ]);
});

describe('formatValue: reqps', () => {
  cases('reqps', [
    [1200, '1.2K req/s'],
    [12.5, '12.5 req/s'],
    [0.25, '0.25 req/s'],
  ]);
});

describe('formatValue: bytes (binary multiples)', () => {
  cases('bytes', [
    [0, '0 B'],
    [512, '512 B'],
    [0.5, '0.5 B'],
    [1000, '1,000 B'],
    [KiB, '1 KiB'],
    [1.5 * KiB, '1.5 KiB'],
    [3.4 * MiB, '3.4 MiB'],
    [GiB, '1 GiB'],
    [1.5 * TiB, '1.5 TiB'],
    [1023.9, '1 KiB'],
    [-2 * MiB, '-2 MiB'],
  ]);
  cases('bytes/s', [
    [1.5 * MiB, '1.5 MiB/s'],
    [100, '100 B/s'],
  ]);
});

describe('formatValue: durations', () => {
  cases('s', [
    [0, '0 s'],
    [0.0123, '12.3 ms'],
    [90, '1.5 min'],
    [1.5, '1.5 s'],
    [0.000042, '42 µs'],
    [5e-9, '5 ns'],
    [7200, '2 h'],
    [172_800, '2 d'],
    [59.99, '1 min'],
    [0.9999, '1 s'],
    [-0.5, '-500 ms'],
  ]);
  cases('ms', [
    [340, '340 ms'],
    [1500, '1.5 s'],
    [0.5, '500 µs'],
    [90_000, '1.5 min'],
  ]);
});

describe('formatValue: percentages', () => {
  cases('percent', [
    [42.5, '42.5%'],
    [99.95, '99.95%'],
    [99.999, '99.999%'],
    [100, '100%'],
    [0, '0%'],
    [12.3456, '12.35%'],
    [0.0042, '0.0042%'],
    [150, '150%'],
  ]);
  cases('percentunit', [
    [0.425, '42.5%'],
    [0.9995, '99.95%'],
    [1, '100%'],
    [0, '0%'],
  ]);
});

describe('formatValue: currency', () => {
  cases('currency', [
    [12.5, '$12.50'],
    [1234.567, '$1,234.57'],
    [0.0042, '$0.0042'],
    [0.5, '$0.50'],
    [0.123456, '$0.123'],
    [0, '$0.00'],
    [-3, '-$3.00'],
  ]);

  it('uses the given currency and its usual decimals', () => {
    expect(formatValue(12.5, 'currency', { currency: 'EUR' })).toBe('€12.50');
    expect(formatValue(1234.5, 'currency', { currency: 'JPY' })).toBe('¥1,235');
  });

  it('writes an unusable currency code after the number instead of failing', () => {
    expect(formatValue(12.5, 'currency', { currency: 'dollars' })).toBe('12.50 dollars');
  });
});

describe('formatValue: options', () => {
  it('uses fixed decimals when asked', () => {
    expect(formatValue(5, 'none', { decimals: 2 })).toBe('5.00');
    expect(formatValue(1200, 'short', { decimals: 2 })).toBe('1.20K');
    expect(formatValue(42.5, 'percent', { decimals: 0 })).toBe('43%');
    expect(formatValue(12.5, 'currency', { decimals: 4 })).toBe('$12.5000');
    expect(formatValue(0.0123, 's', { decimals: 0 })).toBe('12 ms');
  });

  it('makes unusable decimals usable', () => {
    expect(formatValue(5.5, 'none', { decimals: -1 })).toBe('6');
    expect(formatValue(5, 'none', { decimals: 2.6 })).toBe('5.000');
    expect(formatValue(12.345, 'none', { decimals: Number.NaN })).toBe('12.3');
  });

  it('formats digits for the given locale', () => {
    expect(formatValue(12.34, 'none', { locale: 'de-DE' })).toBe('12,3');
    expect(formatValue(1.5 * KiB, 'bytes', { locale: 'de-DE' })).toBe('1,5 KiB');
    expect(formatValue(12.5, 'currency', { locale: 'de-DE', currency: 'EUR' })).toBe(
      '12,50\u00a0€',
    );
  });

  it('falls back to en-US for an unknown locale', () => {
    expect(formatValue(12.34, 'none', { locale: 'not a locale' })).toBe('12.3');
    expect(formatValue(12.5, 'currency', { locale: 'not a locale' })).toBe('$12.50');
  });
});

describe('formatCount', () => {
  it.each([
    [1_234_567, '1,234,567'],
    [12.6, '13'],
    [0, '0'],
    [-1234, '-1,234'],
  ])('%s → %s', (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });

  it('shows missing and non-finite values like formatValue', () => {
    expect(formatCount(null)).toBe('–');
    expect(formatCount(Number.NaN)).toBe('NaN');
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('+Inf');
  });

  it('uses the given locale', () => {
    expect(formatCount(1_234_567, { locale: 'de-DE' })).toBe('1.234.567');
  });
});

describe('UNITS', () => {
  it('lists every unit formatValue accepts', () => {
    expect(UNITS).toEqual([
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
    ]);
    expect(isUnit('bytes/s')).toBe(true);
    expect(isUnit('kilograms')).toBe(false);
  });
});

describe('clipText', () => {
  it('keeps short text and cuts long text to the limit with an ellipsis', () => {
    expect(clipText('planner')).toBe('planner');
    const long = 'x'.repeat(1_000_000);
    expect(clipText(long, 10)).toBe('xxxxxxxxx…');
    expect(clipText(long, 10)).toHaveLength(10);
  });
});

describe('formatCountOf', () => {
  it('puts the noun in the singular only for one, with thousands separated', () => {
    expect(formatCountOf(1, 'call', undefined, { locale: 'en-US' })).toBe('1 call');
    expect(formatCountOf(0, 'call', undefined, { locale: 'en-US' })).toBe('0 calls');
    expect(formatCountOf(4745, 'call', undefined, { locale: 'en-US' })).toBe('4,745 calls');
    expect(formatCountOf(2, 'child', 'children', { locale: 'en-US' })).toBe('2 children');
  });
});
