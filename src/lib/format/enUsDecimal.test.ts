import { formatEnUsDecimal } from './enUsDecimal';

const formats = new Map<string, Intl.NumberFormat>();
const intl = (value: number, min: number, max: number) => {
  const key = `${min}-${max}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      signDisplay: 'negative',
    });
    formats.set(key, format);
  }
  return format.format(value);
};

/** A deterministic spread of values: every magnitude from 1e-9 to 1e20, both signs. */
function* sampleValues(): Generator<number> {
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let exponent = -9; exponent <= 20; exponent++) {
    for (let k = 0; k < 40; k++) {
      const value = random() * 10 ** exponent;
      yield value;
      yield -value;
      // Values cut short, as durations and rates often are.
      yield Number(value.toPrecision(1 + (k % 6)));
    }
  }
}

describe('formatEnUsDecimal', () => {
  it('prints what Intl.NumberFormat en-US prints, across magnitudes and decimals', () => {
    const mismatches: string[] = [];
    for (const value of sampleValues()) {
      for (const [min, max] of [
        [0, 0],
        [0, 1],
        [0, 2],
        [2, 2],
        [0, 3],
        [3, 3],
        [0, 8],
        [1, 5],
      ] as const) {
        const expected = intl(value, min, max);
        const actual = formatEnUsDecimal(value, min, max);
        if (actual !== expected)
          mismatches.push(`${value} (${min}–${max}): ${actual} ≠ ${expected}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('rounds half away from zero on the shortest decimal, as ICU does', () => {
    const cases: [number, number, string][] = [
      [1.005, 2, '1.01'],
      [-1.005, 2, '-1.01'],
      [0.125, 2, '0.13'],
      [2.5, 0, '3'],
      [-2.5, 0, '-3'],
      [0.5, 0, '1'],
      [0.049, 1, '0'],
      [99.96, 1, '100'],
      [999.995, 2, '1,000'],
      [9.999e-7, 6, '0.000001'],
    ];
    for (const [value, max, text] of cases) {
      expect(formatEnUsDecimal(value, 0, max)).toBe(text);
      expect(formatEnUsDecimal(value, 0, max)).toBe(intl(value, 0, max));
    }
  });

  it('groups thousands and shows no sign on a value that rounds to zero', () => {
    expect(formatEnUsDecimal(1234567.891, 2, 2)).toBe('1,234,567.89');
    expect(formatEnUsDecimal(100000, 0, 0)).toBe('100,000');
    expect(formatEnUsDecimal(-0.0004, 2, 2)).toBe('0.00');
    expect(formatEnUsDecimal(-0, 0, 0)).toBe('0');
    expect(formatEnUsDecimal(1e20, 0, 0)).toBe('100,000,000,000,000,000,000');
  });

  it('leaves to Intl what it does not handle', () => {
    expect(formatEnUsDecimal(1e21, 0, 2)).toBeNull();
    expect(formatEnUsDecimal(Number.NaN, 0, 2)).toBeNull();
    expect(formatEnUsDecimal(Number.NEGATIVE_INFINITY, 0, 2)).toBeNull();
  });
});
