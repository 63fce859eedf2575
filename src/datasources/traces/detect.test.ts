import { isWellFormedJaegerSpan, jaegerSpanSchema } from './adapters/jaeger-schema';
import { isWellFormedOtlpSpan, otlpSpanSchema } from './adapters/otlp-schema';
import { detectAndParse, EXPECTED_SHAPES, TraceFormatError } from './detect';

const jaegerSpan = {
  traceID: 'ab',
  spanID: '01',
  operationName: 'op',
  references: [],
  startTime: 10,
  duration: 5,
  tags: [{ key: 'span.kind', type: 'string', value: 'server' }],
  logs: [{ timestamp: 11, fields: [{ key: 'event', type: 'string', value: 'hello' }] }],
  processID: 'p1',
  warnings: null,
};
const jaegerTrace = (spans: unknown[]) => ({
  traceID: 'ab',
  spans,
  processes: { p1: { serviceName: 'svc', tags: [] } },
});

const otlpSpan = {
  traceId: '0102030405060708090a0b0c0d0e0f10',
  spanId: '0102030405060708',
  name: 'op',
  kind: 'SPAN_KIND_CLIENT',
  startTimeUnixNano: '1000000',
  endTimeUnixNano: '3000000',
  attributes: [
    { key: 'list', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: '2' }] } } },
    { key: 'map', value: { kvlistValue: { values: [{ key: 'k', value: { boolValue: true } }] } } },
    { key: 'empty', value: {} },
  ],
  status: { code: 2, message: 'boom' },
};

describe('detectAndParse', () => {
  it('refuses an unknown document with the list of shapes it reads', () => {
    const run = () => detectAndParse({ hello: 'world' });
    expect(run).toThrow(TraceFormatError);
    expect(run).toThrow(/object with keys "hello"/);
    for (const shape of EXPECTED_SHAPES) expect(run).toThrow(shape);
    expect(() => detectAndParse(42)).toThrow(/a number/);
    expect(() => detectAndParse([1, 2])).toThrow(/an array of a number/);
  });

  it('explains empty files, broken JSON and a broken NDJSON line', () => {
    expect(() => detectAndParse('  ')).toThrow('The file is empty.');
    expect(() => detectAndParse('{"a":')).toThrow(/not valid JSON/);
    expect(() => detectAndParse('{"resourceSpans":[]}\n{oops')).toThrow(/line 2/);
  });

  it('says what a non-trace document is', () => {
    expect(() => detectAndParse({ resourceLogs: [] })).toThrow(
      'This is OTLP log data, not a trace.',
    );
    expect(() => detectAndParse({ resourceMetrics: [] })).toThrow(
      'This is OTLP metric data, not a trace.',
    );
    expect(() => detectAndParse({ traces: [], metrics: {} })).toThrow(/Tempo search result/);
    expect(() => detectAndParse({ error: { httpCode: 404, message: 'trace not found' } })).toThrow(
      'The document is an error response: trace not found',
    );
  });

  it('reads text with a byte-order mark, a bare Jaeger trace and an array of Jaeger traces', () => {
    const text = `\uFEFF${JSON.stringify(jaegerTrace([jaegerSpan]))}`;
    expect(detectAndParse(text).traces[0]?.spans[0]?.service).toBe('svc');
    const many = detectAndParse([
      jaegerTrace([jaegerSpan]),
      { ...jaegerTrace([jaegerSpan]), traceID: 'cd' },
    ]);
    expect(many.traces.map((t) => t.traceId)).toEqual(['ab', 'cd']);
  });

  it('reads a bare empty Jaeger answer as no traces, not as an unknown format', () => {
    for (const doc of [{ data: [] }, { data: null }]) {
      expect(detectAndParse(doc)).toEqual({ traces: [], format: 'jaeger', warnings: [] });
    }
    expect(() => detectAndParse({ data: [], items: 3 })).toThrow(/Not a trace format/);
  });

  it('turns Jaeger envelope errors into warnings', () => {
    const result = detectAndParse({
      data: null,
      total: 0,
      errors: [{ code: 404, msg: 'trace not found' }],
    });
    expect(result).toEqual({
      traces: [],
      format: 'jaeger',
      warnings: ['Jaeger reported an error: trace not found'],
    });
  });

  it('drops a malformed tag, keeps the span and says so', () => {
    const bad = {
      ...jaegerSpan,
      tags: [{ value: 'no key' }, { key: 'ok', type: 'string', value: 'v' }],
    };
    const result = detectAndParse(jaegerTrace([bad]));
    expect(result.traces[0]?.spans[0]?.attributes).toEqual([
      { key: 'ok', type: 'string', value: 'v' },
    ]);
    expect(result.warnings).toEqual([
      'Dropped trace.spans[0].tags[0]: key: Invalid input: expected string, received undefined',
    ]);
  });

  it('skips a span without an id and keeps the others', () => {
    const result = detectAndParse(
      jaegerTrace([
        { ...jaegerSpan, spanID: undefined },
        { ...jaegerSpan, spanID: '02' },
      ]),
    );
    expect(result.traces[0]?.spans.map((s) => s.spanId)).toEqual(['02']);
    expect(result.warnings[0]).toMatch(/^Skipped trace.spans\[0\]: spanID/);
  });

  it('caps document warnings and counts the rest', () => {
    const spans = Array.from({ length: 30 }, () => ({
      ...jaegerSpan,
      startTime: 'x',
      duration: null,
    }));
    const { warnings } = detectAndParse(jaegerTrace(spans));
    expect(warnings).toHaveLength(21);
    expect(warnings.at(-1)).toBe('…and 10 more problems of the same kinds');
  });

  it('converts every OTLP value kind, enum names and status codes', () => {
    const result = detectAndParse({ resourceSpans: [{ scopeSpans: [{ spans: [otlpSpan] }] }] });
    const span = result.traces[0]?.spans[0];
    expect(span?.attributes).toEqual([
      { key: 'list', value: ['a', 2] },
      { key: 'map', value: { type: 'kvlist', values: [{ key: 'k', value: true }] } },
      { key: 'empty', value: null },
    ]);
    expect([
      span?.kind,
      span?.status,
      span?.statusMessage,
      span?.startUs,
      span?.durationUs,
    ]).toEqual(['client', 'error', 'boom', 1000, 2000]);
  });

  it('reads pre-1.0 instrumentationLibrarySpans and warns about unreadable ids', () => {
    const doc = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'old' } }] },
          instrumentationLibrarySpans: [
            {
              instrumentationLibrary: { name: 'lib', version: '0.1' },
              spans: [{ ...otlpSpan, spanId: 'short' }],
            },
          ],
        },
      ],
    };
    const trace = detectAndParse(doc).traces[0];
    expect(trace?.spans[0]?.service).toBe('old');
    expect(trace?.spans[0]?.scope).toEqual({ name: 'lib', version: '0.1', attributes: [] });
    expect(trace?.spans[0]?.spanId).toBe('short');
    expect(trace?.warnings.map((w) => w.code)).toEqual(['invalid-data']);
  });

  it('clamps a span that ends before it starts', () => {
    const doc = {
      resourceSpans: [{ scopeSpans: [{ spans: [{ ...otlpSpan, endTimeUnixNano: '0' }] }] }],
    };
    const trace = detectAndParse(doc).traces[0];
    expect(trace?.spans[0]?.durationUs).toBe(0);
    expect(trace?.warnings[0]?.message).toMatch(/end before they start/);
  });
});

describe('fast guards agree with the zod schemas', () => {
  // Variants of well-formed spans with one field broken or made unusual.
  const jaegerVariants: unknown[] = [
    jaegerSpan,
    { ...jaegerSpan, references: null, tags: null, logs: null, warnings: ['w'] },
    { ...jaegerSpan, spanID: 1 },
    { ...jaegerSpan, startTime: '10', duration: null },
    { ...jaegerSpan, tags: [{ key: 1 }] },
    { ...jaegerSpan, tags: [{ key: 'k', type: 5, value: 1 }] },
    { ...jaegerSpan, logs: [{ fields: [] }] },
    { ...jaegerSpan, references: [{ refType: 'CHILD_OF' }] },
    { ...jaegerSpan, warnings: [1] },
    { ...jaegerSpan, process: { serviceName: 'x' } },
    { ...jaegerSpan, operationName: 3 },
    null,
    [],
  ];
  const otlpVariants: unknown[] = [
    otlpSpan,
    {
      ...otlpSpan,
      parentSpanId: '',
      events: [{ timeUnixNano: 1, name: 'e' }],
      links: [{ traceId: 'a', spanId: 'b' }],
    },
    { ...otlpSpan, attributes: [{ key: 'k', value: { intValue: true } }] },
    { ...otlpSpan, attributes: [{ key: 'k', value: { arrayValue: { values: 'x' } } }] },
    { ...otlpSpan, status: { code: {} } },
    { ...otlpSpan, kind: [] },
    { ...otlpSpan, links: [{ traceId: 'a' }] },
    { ...otlpSpan, events: [{ attributes: [{ key: 2 }] }] },
    { ...otlpSpan, endTimeUnixNano: false },
    { ...otlpSpan, traceId: undefined },
  ];

  it.each(jaegerVariants.map((v, i) => [i, v] as const))(
    'Jaeger variant %i: accepted by the guard only if zod accepts it',
    (_, value) => {
      expect(!isWellFormedJaegerSpan(value) || jaegerSpanSchema.safeParse(value).success).toBe(
        true,
      );
    },
  );

  it.each(otlpVariants.map((v, i) => [i, v] as const))(
    'OTLP variant %i: accepted by the guard only if zod accepts it',
    (_, value) => {
      expect(!isWellFormedOtlpSpan(value) || otlpSpanSchema.safeParse(value).success).toBe(true);
    },
  );

  it('takes the fast path for well-formed spans only', () => {
    expect(jaegerVariants.map(isWellFormedJaegerSpan)).toEqual([
      true,
      true,
      ...Array<boolean>(jaegerVariants.length - 2).fill(false),
    ]);
    expect(otlpVariants.map(isWellFormedOtlpSpan)).toEqual([
      true,
      true,
      ...Array<boolean>(otlpVariants.length - 2).fill(false),
    ]);
  });
});
