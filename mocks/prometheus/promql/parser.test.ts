import type {
  Aggregate,
  Binary,
  Call,
  MatrixSelector,
  Subquery,
  Unary,
  VectorSelector,
} from './ast';
import { PromQLParseError } from './errors';
import { parse } from './parser';

describe('parse: selectors', () => {
  it('reads a metric name and every kind of label matcher', () => {
    const expr = parse(
      'http_requests_total{job="api", code!="200", path=~"/v1/.*", method!~"GET|HEAD"}',
    );
    expect(expr.type).toBe('vectorSelector');
    const { name, matchers } = expr as VectorSelector;
    expect(name).toBe('http_requests_total');
    expect(matchers.map((m) => `${m.name}${m.op}${m.value}`)).toEqual([
      '__name__=http_requests_total',
      'job=api',
      'code!=200',
      'path=~/v1/.*',
      'method!~GET|HEAD',
    ]);
  });

  it('anchors regular expressions at both ends, as Prometheus does', () => {
    const { matchers } = parse('up{instance=~"host-1"}') as VectorSelector;
    const regex = matchers[1]!.regex!;
    expect(regex.test('host-1')).toBe(true);
    expect(regex.test('host-10')).toBe(false);
    expect(regex.test('my-host-1')).toBe(false);
  });

  it('accepts a selector without a metric name when one matcher is non-empty', () => {
    const expr = parse('{__name__=~"aet_.+", job="aet"}') as VectorSelector;
    expect(expr.name).toBeUndefined();
    expect(expr.matchers).toHaveLength(2);
  });

  it('reads compound durations such as substituted rate intervals', () => {
    const expr = parse('rate(x[1m30s])') as Call;
    expect((expr.args[0] as MatrixSelector).rangeMs).toBe(90_000);
  });

  it('attaches offset and @ to the selector, in either order', () => {
    const a = parse('x offset 5m @ 100') as VectorSelector;
    const b = parse('x @ 100 offset 5m') as VectorSelector;
    for (const s of [a, b]) {
      expect(s.offsetMs).toBe(300_000);
      expect(s.at).toBe(100_000);
    }
    const range = parse('x[1h] offset -1d') as MatrixSelector;
    expect(range.selector.offsetMs).toBe(-86_400_000);
  });

  it('reads subqueries with and without a step', () => {
    const withStep = parse('max_over_time(rate(x[5m])[1h:30s])') as Call;
    expect(withStep.args[0]).toMatchObject({
      type: 'subquery',
      rangeMs: 3_600_000,
      stepMs: 30_000,
    });
    const defaultStep = (parse('rate(x[5m])[30m:]') as Subquery).stepMs;
    expect(defaultStep).toBe(0);
  });

  it('keeps recording-rule names with colons', () => {
    expect((parse('job:http_requests:rate5m') as VectorSelector).name).toBe(
      'job:http_requests:rate5m',
    );
  });
});

describe('parse: operators', () => {
  const shape = (query: string): string => {
    const walk = (e: ReturnType<typeof parse>): string => {
      switch (e.type) {
        case 'binary':
          return `(${walk(e.lhs)} ${e.op} ${walk(e.rhs)})`;
        case 'unary':
          return `(-${walk(e.expr)})`;
        case 'number':
          return String(e.value);
        case 'vectorSelector':
          return e.name ?? '{}';
        case 'paren':
          return walk(e.expr);
        default:
          return e.type;
      }
    };
    return walk(parse(query));
  };

  it('follows PromQL precedence from `or` (lowest) to `^` (highest)', () => {
    expect(shape('a or b and c')).toBe('(a or (b and c))');
    expect(shape('a and b > c')).toBe('(a and (b > c))');
    expect(shape('a > b + c')).toBe('(a > (b + c))');
    expect(shape('a + b * c')).toBe('(a + (b * c))');
    expect(shape('a * b ^ c')).toBe('(a * (b ^ c))');
    expect(shape('a - b - c')).toBe('((a - b) - c)');
  });

  it('makes ^ right-associative and binds it tighter than unary minus', () => {
    expect(shape('2 ^ 3 ^ 2')).toBe('(2 ^ (3 ^ 2))');
    expect(shape('-2 ^ 2')).toBe('(-(2 ^ 2))');
    expect(shape('-a * b')).toBe('((-a) * b)');
  });

  it('folds a negated number into a literal', () => {
    expect(parse('-1.5e3')).toMatchObject({ type: 'number', value: -1500 });
    expect(parse('0x1F')).toMatchObject({ type: 'number', value: 31 });
    expect((parse('-Inf') as { value: number }).value).toBe(-Infinity);
    expect(Number.isNaN((parse('NaN') as { value: number }).value)).toBe(true);
  });

  it('reads bool, on/ignoring and group_left/group_right', () => {
    const cmp = parse('a > bool b') as Binary;
    expect(cmp.returnBool).toBe(true);
    const many = parse('a * on(job, instance) group_left(version) b') as Binary;
    expect(many.matching).toEqual({
      card: 'many-to-one',
      on: true,
      labels: ['job', 'instance'],
      include: ['version'],
    });
    const one = parse('a / ignoring(code) group_right b') as Binary;
    expect(one.matching).toMatchObject({ card: 'one-to-many', on: false, labels: ['code'] });
    expect((parse('a and b') as Binary).matching?.card).toBe('many-to-many');
  });

  it('drops vector matching between a vector and a scalar', () => {
    expect((parse('a * 2') as Binary).matching).toBeUndefined();
  });

  it('keeps a unary minus on vectors as a node', () => {
    expect((parse('-rate(x[5m])') as Unary).expr.type).toBe('call');
  });
});

describe('parse: aggregations', () => {
  it('accepts the grouping clause before or after the expression', () => {
    for (const query of ['sum by (job) (x)', 'sum(x) by (job)', 'SUM BY (job,) (x)']) {
      const expr = parse(query) as Aggregate;
      expect(expr).toMatchObject({
        type: 'aggregate',
        op: 'sum',
        grouping: ['job'],
        without: false,
      });
    }
    expect(parse('avg without (instance) (x)')).toMatchObject({
      without: true,
      grouping: ['instance'],
    });
  });

  it('reads the parameter of topk, quantile and count_values', () => {
    expect((parse('topk(3, x)') as Aggregate).param).toMatchObject({ type: 'number', value: 3 });
    expect((parse('quantile(0.9, x)') as Aggregate).param).toMatchObject({ value: 0.9 });
    expect((parse('count_values("v", x)') as Aggregate).param).toMatchObject({
      type: 'string',
      value: 'v',
    });
  });
});

describe('parse: errors', () => {
  // Messages and positions as Prometheus 2.x reports them for the same input.
  it.each([
    ['sum(rate(up[5m])', '1:17: parse error: unclosed left parenthesis'],
    ['foo(up)', '1:1: parse error: unknown function with name "foo"'],
    ['up +', '1:5: parse error: unexpected end of input'],
    ['sum by (job (up)', '1:13: parse error: unexpected "(" in grouping opts, expected "," or ")"'],
    [
      'rate(up)',
      '1:6: parse error: expected type range vector in call to function "rate", got instant vector',
    ],
    ['{}', '1:1: parse error: vector selector must contain at least one non-empty matcher'],
    ['up{job="a"', '1:11: parse error: unexpected end of input inside braces'],
    [')', "1:2: parse error: unexpected right parenthesis ')'"],
    ['sum(up) by', '1:11: parse error: unexpected end of input in grouping opts, expected "("'],
    ['1 > 2', '1:3: parse error: comparisons between scalars must use BOOL modifier'],
    [
      'topk(a, up)',
      '1:6: parse error: expected type scalar in aggregation parameter, got instant vector',
    ],
    ['"abc', '1:1: parse error: unterminated quoted string'],
    [
      'histogram_quantile(0.9)',
      '1:1: parse error: expected 2 argument(s) in call to "histogram_quantile", got 1',
    ],
    ['up and 1', '1:1: parse error: set operator "and" not allowed in binary scalar expression'],
    ['sum(up) sum(up)', '1:9: parse error: unexpected <aggr:sum>'],
    ['up $', "1:4: parse error: unexpected character: '$'"],
    ['', '1:1: parse error: no expression found in input'],
    [
      'x[5m] + 1',
      '1:1: parse error: binary expression must contain only scalar and instant vector types',
    ],
    [
      'sum(x[5m])',
      '1:5: parse error: expected type instant vector in aggregation expression, got range vector',
    ],
    ['rate(x[5x])', '1:8: parse error: bad duration syntax: "5"'],
    ['x offset 5x', '1:10: parse error: bad number or duration syntax: "5"'],
    ['rate(x[5])', '1:8: parse error: missing unit character in duration'],
  ])('%s', (query, message) => {
    expect(() => parse(query)).toThrow(PromQLParseError);
    expect(() => parse(query)).toThrow(message);
  });

  it('reports the line and column of errors in multi-line queries', () => {
    try {
      parse('sum(\n  rate(x[5m]) +\n)');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PromQLParseError);
      expect((error as PromQLParseError).line).toBe(3);
      expect((error as PromQLParseError).column).toBe(2);
    }
  });
});
