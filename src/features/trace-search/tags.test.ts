import { formatTags, parseTags } from './tags';

describe('parseTags', () => {
  it('reads space-separated key=value pairs', () => {
    expect(parseTags('error=true http.status_code=500')).toEqual({
      tags: { error: 'true', 'http.status_code': '500' },
      errors: [],
    });
  });

  it('reads nothing from blank text', () => {
    expect(parseTags('   ')).toEqual({ tags: {}, errors: [] });
  });

  it('reads quoted values with spaces, escapes and an explicitly empty value', () => {
    expect(parseTags('msg="connection \\"reset\\" by peer" note=""')).toEqual({
      tags: { msg: 'connection "reset" by peer', note: '' },
      errors: [],
    });
  });

  it('reads quoted keys and keeps "=" inside an unquoted value', () => {
    expect(parseTags('"my key"=x url=/a?b=c')).toEqual({
      tags: { 'my key': 'x', url: '/a?b=c' },
      errors: [],
    });
  });

  it('reports a pair without "=" and keeps the others', () => {
    const parsed = parseTags('error=true oops span.kind=server');
    expect(parsed.tags).toEqual({ error: 'true', 'span.kind': 'server' });
    expect(parsed.errors).toEqual(['Expected key=value, got “oops”.']);
  });

  it('reports a missing key, a missing value and an unclosed quote', () => {
    expect(parseTags('=x').errors).toEqual(['A tag needs a key before “=”.']);
    expect(parseTags('error=').errors).toEqual([
      '“error” has no value; write error="" to match an empty value.',
    ]);
    expect(parseTags('a=1 msg="never closed').errors).toEqual([
      'A quote opened at character 9 is never closed.',
    ]);
  });

  it('uses the last value of a repeated key and says so', () => {
    expect(parseTags('error=true error=false')).toEqual({
      tags: { error: 'false' },
      errors: ['“error” is given twice; the last value is used.'],
    });
  });

  it('keeps a key named like an Object.prototype member as plain data', () => {
    const { tags } = parseTags('__proto__=x constructor=y');
    expect(Object.keys(tags)).toEqual(['__proto__', 'constructor']);
    expect(tags.constructor).toBe('y');
  });
});

describe('formatTags', () => {
  it('quotes only what needs quoting, and parses back to the same tags', () => {
    const tags = { error: 'true', 'my key': 'a "b" c', url: '/a?b=c', empty: '' };
    const text = formatTags(tags);
    expect(text).toBe('error=true "my key"="a \\"b\\" c" url=/a?b=c empty=""');
    expect(parseTags(text)).toEqual({ tags, errors: [] });
  });
});
