import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header row and one line per row, with CRLF line endings', () => {
    expect(
      toCsv([
        { agent: 'planner', requests: 120, success: 0.98 },
        { agent: 'coder', requests: 80, success: 1 },
      ]),
    ).toBe('agent,requests,success\r\nplanner,120,0.98\r\ncoder,80,1\r\n');
  });

  it('uses the given columns, in the given order, leaving missing values empty', () => {
    const rows = [{ a: 1, b: 2, c: 3 }, { a: 4 }];
    expect(toCsv(rows, ['c', 'a', 'missing'])).toBe('c,a,missing\r\n3,1,\r\n,4,\r\n');
  });

  it('takes every key seen in the rows, in the order first seen, by default', () => {
    expect(toCsv([{ a: 1 }, { b: 2, a: 3 }, { c: 4 }])).toBe('a,b,c\r\n1,,\r\n3,2,\r\n,,4\r\n');
  });

  it('writes only a header for no rows, and an empty line for no columns', () => {
    expect(toCsv([], ['a', 'b'])).toBe('a,b\r\n');
    expect(toCsv([])).toBe('\r\n');
  });

  it('quotes fields with quotes, commas and line breaks, doubling quotes', () => {
    const rows = [
      { v: 'say "hi"' },
      { v: 'a,b' },
      { v: 'line 1\nline 2' },
      { v: 'cr\rhere' },
      { v: 'plain text' },
    ];
    expect(toCsv(rows)).toBe(
      'v\r\n"say ""hi"""\r\n"a,b"\r\n"line 1\nline 2"\r\n"cr\rhere"\r\nplain text\r\n',
    );
  });

  it('quotes header names that need it', () => {
    expect(toCsv([{ 'p95, ms': 12 }])).toBe('"p95, ms"\r\n12\r\n');
  });

  it('writes values of other types readably', () => {
    const row = {
      nothing: null,
      missing: undefined,
      yes: true,
      big: 12345678901234567890n,
      when: new Date('2026-01-02T03:04:05.000Z'),
      bad: new Date(Number.NaN),
      labels: { job: 'api', code: '500' },
      list: [1, 2],
      nan: Number.NaN,
    };
    expect(toCsv([row]).split('\r\n')[1]).toBe(
      ',,true,12345678901234567890,2026-01-02T03:04:05.000Z,,' +
        '"{""job"":""api"",""code"":""500""}","[1,2]",NaN',
    );
  });

  it('leaves a circular object empty instead of failing', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(toCsv([{ loop, n: 1 }])).toBe('loop,n\r\n,1\r\n');
  });

  describe('formula injection', () => {
    it.each([
      ['=1+1', "'=1+1"],
      ['+SUM(A1:A2)', "'+SUM(A1:A2)"],
      ['-2+3', "'-2+3"],
      ['@cmd', "'@cmd"],
      ['\t=1', "'\t=1"],
      ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
      ['-', "'-"],
      ['-Infinity', "'-Infinity"],
    ])('neutralizes %j as %j', (value, expected) => {
      expect(toCsv([{ v: value }])).toBe(`v\r\n${expected}\r\n`);
    });

    it('quotes a neutralized cell that starts with CR', () => {
      expect(toCsv([{ v: '\r=1' }])).toBe(`v\r\n"'\r=1"\r\n`);
    });

    it.each(['-12.5', '+3', '-0', '+3e-4', '-.5', '1e10', '-1E+5'])(
      'leaves the plain number %j alone',
      (value) => {
        expect(toCsv([{ v: value }])).toBe(`v\r\n${value}\r\n`);
      },
    );

    it('leaves negative numbers alone', () => {
      expect(toCsv([{ v: -42 }, { v: -0.001 }])).toBe('v\r\n-42\r\n-0.001\r\n');
    });

    it('guards header names too', () => {
      expect(toCsv([{ '=cmd': 1 }])).toBe("'=cmd\r\n1\r\n");
    });

    it('leaves formula characters alone when they are not first', () => {
      expect(toCsv([{ v: 'a=b' }, { v: 'user@example.com' }])).toBe(
        'v\r\na=b\r\nuser@example.com\r\n',
      );
    });
  });
});
