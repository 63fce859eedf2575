import { describe, expect, it } from 'vitest';
import { explainFlags, formatJson, looksLikeJson, shorten } from './values';

describe('long values', () => {
  it('cuts long text and says how much is left out', () => {
    expect(shorten('abc', 5)).toEqual({ text: 'abc', hidden: 0 });
    expect(shorten('abcdefgh', 5)).toEqual({ text: 'abcde', hidden: 3 });
  });

  it('recognises JSON by its ends only, and parses it only when asked', () => {
    expect(looksLikeJson(' {"a": 1} ')).toBe(true);
    expect(looksLikeJson('[1, 2]')).toBe(true);
    expect(looksLikeJson('{not json')).toBe(false);
    expect(looksLikeJson('plain')).toBe(false);
    expect(formatJson('{"a":[1,2]}')).toEqual({
      ok: true,
      text: '{\n  "a": [\n    1,\n    2\n  ]\n}',
    });
    const bad = formatJson('{oops}');
    expect(bad.ok).toBe(false);
  });
});

describe('explainFlags', () => {
  it('explains each anomaly in words', () => {
    const text = explainFlags({ orphan: true, clockSkew: true });
    expect(text).toHaveLength(2);
    expect(text[0]).toMatch(/parent span is not in this trace/);
    expect(text[1]).toMatch(/starts before its parent/);
    expect(explainFlags({})).toEqual([]);
  });
});
