import { doubleValue, findAttr, formatAttrValue, int64Value, numericValue } from './attributes';

describe('attribute values', () => {
  it('keeps int64 text beyond the safe range exactly', () => {
    expect(int64Value('42')).toBe(42);
    expect(int64Value('9223372036854775222')).toEqual({
      type: 'int64',
      text: '9223372036854775222',
    });
    expect(int64Value('x1')).toBe('x1');
  });

  it('reads proto3 JSON doubles, including NaN and infinities sent as text', () => {
    expect(doubleValue('NaN')).toBeNaN();
    expect(doubleValue('-Infinity')).toBe(-Infinity);
    expect(doubleValue(1.5)).toBe(1.5);
    expect(doubleValue('abc')).toBe('abc');
  });

  it('formats every kind of value for display', () => {
    expect(formatAttrValue('x')).toBe('x');
    expect(formatAttrValue(null)).toBe('');
    expect(formatAttrValue(false)).toBe('false');
    expect(formatAttrValue({ type: 'int64', text: '9223372036854775222' })).toBe(
      '9223372036854775222',
    );
    expect(formatAttrValue({ type: 'bytes', base64: 'AQ==' })).toBe('AQ==');
    expect(formatAttrValue(['a', 1, [true]])).toBe('["a", 1, [true]]');
    expect(formatAttrValue({ type: 'kvlist', values: [{ key: 'k', value: 'v' }] })).toBe(
      '{k: "v"}',
    );
  });

  it('reads numbers from numbers, numeric text and big int64s', () => {
    expect([
      numericValue(3),
      numericValue('4'),
      numericValue(' '),
      numericValue(true),
      numericValue(undefined),
    ]).toEqual([3, 4, null, null, null]);
    expect(numericValue({ type: 'int64', text: '9007199254740993' })).toBe(9007199254740992);
  });

  it('finds the first attribute with a key', () => {
    expect(
      findAttr(
        [
          { key: 'a', value: 1 },
          { key: 'a', value: 2 },
        ],
        'a',
      ),
    ).toBe(1);
    expect(findAttr([], 'a')).toBeUndefined();
  });
});
