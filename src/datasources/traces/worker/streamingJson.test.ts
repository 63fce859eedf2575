// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { StreamingJsonParser } from './streamingJson';

/** Parses a whole text through the streaming parser, `chunkChars` at a time. */
function parseJsonInSegments(text: string, chunkChars: number, segmentChars: number): unknown {
  const parser = new StreamingJsonParser({ segmentChars });
  for (let i = 0; i < text.length; i += chunkChars) parser.push(text.slice(i, i + chunkChars));
  return parser.finish();
}

/** Every chunk size and segment size must give what JSON.parse gives. */
function expectSameAsJsonParse(text: string) {
  const expected: unknown = JSON.parse(text);
  for (const chunk of [1, 2, 3, 7, 64, text.length]) {
    for (const segment of [1, 5, 40, 1 << 20]) {
      expect(
        parseJsonInSegments(text, chunk, segment),
        `chunk ${chunk}, segment ${segment}`,
      ).toEqual(expected);
    }
  }
}

function jaegerLike(spans: number) {
  return {
    data: [
      {
        traceID: 'abc',
        spans: Array.from({ length: spans }, (_, i) => ({
          spanID: `s${i}`,
          operationName: `op "quoted" \\ ${i} \u00e9 {[,]}`,
          references: i === 0 ? [] : [{ refType: 'CHILD_OF', spanID: `s${i - 1}` }],
          tags: [{ key: 'k', type: 'int64', value: i }],
          logs: [],
        })),
        processes: { p1: { serviceName: 'svc', tags: [] } },
        warnings: null,
      },
    ],
    total: 1,
    errors: null,
  };
}

describe('StreamingJsonParser', () => {
  it('gives the same value as JSON.parse for any chunking and segment size', () => {
    expectSameAsJsonParse(JSON.stringify(jaegerLike(30)));
    expectSameAsJsonParse(JSON.stringify(jaegerLike(5), null, 2));
    expectSameAsJsonParse('[1, 2.5e3, -0.1, true, false, null, "a,b", {"x": [[], {}]}, []]');
    expectSameAsJsonParse('{"nested": {"deep": {"list": [1, [2, [3, [4]]], {"k": "v"}]}}}');
    expectSameAsJsonParse('"just a string with \\"escapes\\" and \\\\ slashes"');
    expectSameAsJsonParse('  42  ');
    expectSameAsJsonParse('{"escaped\\"key": {"a": [1,2,3]}, "b": "\\\\"}');
  });

  it('finds element boundaries without scanning, even when element text looks like one', () => {
    // The separator between elements (`,{"id"`) also appears inside string values; a wrong
    // guess must fail to parse and never split an element.
    const items = Array.from({ length: 120 }, (_, i) => ({
      id: i,
      note: i % 3 === 0 ? `trap },{"id": ${i} ]` : 'plain',
      nested: { list: [{ id: 'inner' }, { id: 'inner2' }] },
    }));
    const text = JSON.stringify({ spans: items, after: { big: 'y'.repeat(5000), n: [1, 2] } });
    expectSameAsJsonParse(text);
    expectSameAsJsonParse(JSON.stringify({ spans: items }, null, 2));
  });

  it('agrees with JSON.parse on random documents', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 4 || r < 0.3) {
        return pick([
          0,
          -1.5e-3,
          42,
          true,
          false,
          null,
          '',
          'a,b',
          '{[',
          'q"uote',
          'back\\slash',
          'é ✓',
        ]);
      }
      if (r < 0.65) return Array.from({ length: Math.floor(random() * 6) }, () => value(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 6) }, (_, i) => [
          pick(['id', 'k', '"', `${i}`]),
          value(depth + 1),
        ]),
      );
    };
    for (let round = 0; round < 150; round++) {
      const text = JSON.stringify(value(0), null, random() < 0.5 ? 0 : 1);
      const expected: unknown = JSON.parse(text);
      const chunk = 1 + Math.floor(random() * 20);
      const segment = 1 + Math.floor(random() * 30);
      expect(parseJsonInSegments(text, chunk, segment), text).toEqual(expected);
    }
  });

  it('keeps "__proto__" as an ordinary key, as JSON.parse does', () => {
    const text = '{"__proto__": {"polluted": true}, "list": [1, 2, 3, 4, 5, 6]}';
    const value = parseJsonInSegments(text, 3, 2) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'list']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('returns several whitespace-separated documents (NDJSON) as an array', () => {
    const text = '{"resourceSpans": [1, 2]}\n{"resourceSpans": [3]}\n';
    expect(parseJsonInSegments(text, 4, 2)).toEqual([
      { resourceSpans: [1, 2] },
      { resourceSpans: [3] },
    ]);
  });

  it.each([
    ['{"a": [1, 2', 'Unexpected end'],
    ['{"a": [1, 2}', "Unexpected '}'"],
    ['[1, 2, 3,]', ''],
    ['{"a": 1,, "b": 2}', ''],
    ['{"a" 1, "b": 2, "c": 3}', ''],
    ['[{"a": [1, 2, 3, 4]} {"b": 1}]', ''],
    ['{"a": 1} 5', "Unexpected '5'"],
    ['', 'Unexpected end'],
  ])('rejects invalid JSON %s', (text, message) => {
    expect(() => parseJsonInSegments(text, 3, 2)).toThrow(SyntaxError);
    if (message) expect(() => parseJsonInSegments(text, 3, 2)).toThrow(message);
  });

  it('parses big arrays a segment at a time and does not hold on to parsed text', () => {
    const parser = new StreamingJsonParser({ segmentChars: 1000 });
    const item = JSON.stringify({ id: 'x'.repeat(90) });
    parser.push('{"spans": [');
    for (let i = 0; i < 2000; i++) parser.push(`${i > 0 ? ',' : ''}${item}`);
    // 200 kB went in; only about one segment of it is still waiting to be parsed.
    expect(parser.length).toBeGreaterThan(200_000);
    expect(parser.pendingChars).toBeLessThan(3000);
    parser.push(']}');
    const value = parser.finish() as { spans: unknown[] };
    expect(value.spans).toHaveLength(2000);
    expect(value.spans[1999]).toEqual({ id: 'x'.repeat(90) });
  });
});
