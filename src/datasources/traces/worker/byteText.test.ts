// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { asciiText, jsonStringText, NameCache, spells } from './byteText';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('byteText', () => {
  it('reads ASCII text of any length, span ids included', () => {
    const b = bytes('x0123456789abcdef0123456789ABCDEFy');
    expect(asciiText(b, 1, 17)).toBe('0123456789abcdef');
    expect(asciiText(b, 1, 33)).toBe('0123456789abcdef0123456789ABCDEF');
    expect(asciiText(b, 0, 5)).toBe('x0123');
    expect(asciiText(b, 3, 3)).toBe('');
  });

  it('compares ASCII bytes with a literal', () => {
    const b = bytes('"café" "error"');
    expect(spells(b, 9, 14, 'error')).toBe(true);
    expect(spells(b, 9, 14, 'Error')).toBe(false);
    expect(spells(b, 9, 13, 'error')).toBe(false);
  });

  it('decodes a JSON string with escapes and multi-byte characters', () => {
    const b = bytes('"caf\u00e9 \\"q\\" \\u2603"');
    expect(jsonStringText(b, 1, b.length - 1)).toBe('café "q" ☃');
  });

  it('gives one shared string per distinct name', () => {
    const cache = new NameCache();
    const b = bytes('p1 p2 p1');
    const first = cache.intern(b, 0, 2);
    expect(first).toBe('p1');
    expect(cache.intern(b, 3, 5)).toBe('p2');
    expect(cache.intern(b, 6, 8)).toBe(first);
  });
});
