// @vitest-environment node
import { parseSampleValue, queryDataSchema, samplePairsSchema, secondsToMs } from './schemas';

describe('parseSampleValue', () => {
  it.each([
    ['1.5', 1.5],
    ['0', 0],
    ['-3', -3],
    ['1e+00', 1],
    ['2.482e-05', 0.00002482],
    ['+Inf', Number.POSITIVE_INFINITY],
    ['Inf', Number.POSITIVE_INFINITY],
    ['-Inf', Number.NEGATIVE_INFINITY],
    ['NaN', Number.NaN],
  ])('%s → %s', (text, value) => {
    expect(parseSampleValue(text)).toBe(value);
  });

  it.each(['', ' ', 'abc', '1.2.3'])('rejects %j', (text) => {
    expect(parseSampleValue(text)).toBeUndefined();
  });
});

describe('secondsToMs', () => {
  it('rounds away floating-point noise', () => {
    expect(secondsToMs(1435781430.781)).toBe(1435781430781);
    expect(secondsToMs(1600096965.489)).toBe(1600096965489);
  });
});

describe('queryDataSchema', () => {
  it('keeps float points of a matrix series that also has native histograms', () => {
    const parsed = queryDataSchema.parse({
      resultType: 'matrix',
      result: [
        { metric: { a: 'b' }, histograms: [[1, { count: '1', sum: '1' }]] },
        { metric: {}, values: [[2, '3']], histograms: [] },
      ],
    });
    expect(parsed.result).toEqual([
      { metric: { a: 'b' }, values: [] },
      { metric: {}, values: [[2000, 3]] },
    ]);
  });

  it('rejects an unknown result type', () => {
    expect(queryDataSchema.safeParse({ resultType: 'table', result: [] }).success).toBe(false);
  });
});

describe('samplePairsSchema', () => {
  it('converts pairs in one pass: seconds to ms, Go float text to numbers', () => {
    expect(
      samplePairsSchema.parse([
        [1.5, '2'],
        [2, '+Inf'],
        [3, 'NaN'],
      ]),
    ).toEqual([
      [1500, 2],
      [2000, Infinity],
      [3000, NaN],
    ]);
  });

  it('rejects the first malformed pair with its index', () => {
    const result = samplePairsSchema.safeParse([
      [1, '2'],
      [2, 3],
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([1]);
    expect(samplePairsSchema.safeParse([[1, 'abc']]).success).toBe(false);
    expect(samplePairsSchema.safeParse('nope').success).toBe(false);
  });
});
