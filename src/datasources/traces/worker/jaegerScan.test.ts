// @vitest-environment node
import { detectAndParse } from '@/datasources/traces';
import { HAS_FIXTURES, listFixtures, readFixture } from '@/test/traces/fixtures';
import { generateJaegerTrace } from '@mocks/traces/generator';
import { JaegerScanner } from './jaegerScan';
import { buildOverview, sameOverview } from './overview';
import type { TraceOverview } from './protocol';
import { quickOverview } from './quickOverview';

const encoder = new TextEncoder();

/** Scans `text` fed in chunks of the given sizes (cycled); null if the scanner gave up. */
function scan(
  text: string,
  chunkSizes: number[] = [65536],
): { overview: TraceOverview | null; reason: string | null } {
  const bytes = encoder.encode(text);
  const scanner = new JaegerScanner();
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const size = chunkSizes[k % chunkSizes.length] as number;
    // Copies, as the network's chunks are separate buffers.
    if (!scanner.push(bytes.slice(at, at + size))) break;
    at += size;
  }
  const scanned = scanner.finish();
  return { overview: scanned ? quickOverview(scanned).overview : null, reason: scanner.reason };
}

function fullOverview(text: string): TraceOverview {
  const result = detectAndParse(JSON.parse(text));
  return buildOverview(result.traces[0]!, result).overview;
}

function envelope(trace: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ data: [trace], total: 0, limit: 0, offset: 0, errors: null, ...extra });
}

const span = (id: string, more: Record<string, unknown> = {}) => ({
  traceID: 'abc',
  spanID: id,
  operationName: `op-${id}`,
  references: [],
  startTime: 1_700_000_000_000_000,
  duration: 1000,
  tags: [],
  logs: [],
  processID: 'p1',
  ...more,
});

const smallTrace = (spans: unknown[], more: Record<string, unknown> = {}) => ({
  traceID: 'ABC',
  spans,
  processes: {
    p1: { serviceName: 'api', tags: [{ key: 'host', type: 'string', value: 'h1' }] },
    p2: { serviceName: '' },
  },
  warnings: null,
  ...more,
});

describe('JaegerScanner', () => {
  it('draws the same waterfall as the full parse for a generated 2,000-span trace, in any chunking', () => {
    const trace = generateJaegerTrace({
      spans: 2000,
      seed: 7,
      traceId: 'be0c' + '0'.repeat(28),
      maxDepth: 12,
      services: 20,
    });
    const text = envelope(trace);
    const full = fullOverview(text);
    expect(full.errorCount).toBeGreaterThan(0);
    for (const chunks of [[text.length], [65536], [7, 300, 4096], [511]]) {
      const { overview, reason } = scan(text, chunks);
      expect(reason).toBeNull();
      expect(sameOverview(overview!, full)).toBe(true);
    }
  });

  it('reads errors, logs, several references, escapes, string times and duplicate ids as the adapter does', () => {
    const text = envelope(
      smallTrace([
        span('a1', { tags: [{ key: 'error', type: 'bool', value: true }] }),
        span('B2', {
          references: [{ refType: 'CHILD_OF', traceID: 'ABC', spanID: 'A1' }],
          operationName: 'caf\u00e9 \\"q\\" \u2603',
          startTime: '1700000000000100',
          duration: '50',
          tags: [{ key: 'otel.status_code', value: 'ERROR' }],
        }),
        span('c3', {
          references: [
            { refType: 'FOLLOWS_FROM', spanID: 'a1' },
            { refType: 'CHILD_OF', traceID: 'other', spanID: 'zz' },
            { refType: 'CHILD_OF', traceID: 'abc', spanID: 'b2' },
          ],
          logs: [{ timestamp: 1, fields: [{ key: 'event', value: 'x' }] }],
          processID: 'p2',
          tags: [
            { key: 'error', type: 'string', value: 'true' },
            { key: 'error', value: false },
          ],
        }),
        span('c3', {
          references: [{ refType: 'CHILD_OF', spanID: 'missing' }],
          startTime: 1_699_999_999_999_000,
        }),
        span('d4', {
          references: [{ refType: 'FOLLOWS_FROM', spanID: 'a1' }],
          duration: 0,
          operationName: null,
        }),
      ]),
    );
    const full = fullOverview(text);
    const { overview, reason } = scan(text, [3]);
    expect(reason).toBeNull();
    expect(full.errorCount).toBe(3);
    expect(full.warnings.length).toBeGreaterThan(0);
    expect(sameOverview(overview!, full)).toBe(true);
  });

  it.each([
    ['two traces', JSON.stringify({ data: [smallTrace([span('a')]), smallTrace([span('b')])] })],
    [
      'errors reported',
      envelope(smallTrace([span('a')]), { errors: [{ code: 500, msg: 'boom' }] }),
    ],
    ['an unknown process', envelope(smallTrace([span('a', { processID: 'p9' })]))],
    ['an embedded process', envelope(smallTrace([span('a', { process: { serviceName: 'x' } })]))],
    ['a span without times', envelope(smallTrace([{ spanID: 'a', processID: 'p1' }]))],
    ['trace warnings', envelope(smallTrace([span('a')], { warnings: ['clock skew adjusted'] }))],
    ['an OTLP document', JSON.stringify({ resourceSpans: [] })],
    ['no spans', envelope(smallTrace([]))],
    [
      'a member name spelled with an escape',
      envelope(smallTrace([span('a'), span('b', { references: [{ spanID: 'a' }] })])).replace(
        '"references":[{',
        '"r\\u0065ferences":[{',
      ),
    ],
    [
      'a tag that names its key twice',
      envelope(smallTrace([span('a')])).replace(
        '"tags":[]',
        '"tags":[{"key":"x","value":true,"key":"error"}]',
      ),
    ],
    ['an infinite total', envelope(smallTrace([span('a')])).replace('"total":0', '"total":1e400')],
    [
      'a process named __proto__',
      envelope(smallTrace([span('a', { processID: '__proto__' })])).replace(
        '"processes":{',
        '"processes":{"__proto__":{"serviceName":"odd"},',
      ),
    ],
  ])('gives up on %s, which the full parse must handle', (_what, text) => {
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    const { overview, reason } = scan(text, [5]);
    expect(overview).toBeNull();
    expect(reason).toMatch(/\w/);
  });

  it.each([
    [
      'a trailing comma',
      envelope(smallTrace([span('a')])).replace('"errors":null}', '"errors":null,}'),
    ],
    ['text after the document', `${envelope(smallTrace([span('a')]))} x`],
    [
      'a bad literal',
      envelope(smallTrace([span('a')])).replace('"warnings":null', '"warnings":nul'),
    ],
    ['a bad escape', envelope(smallTrace([span('a')])).replace('op-a', 'op\\xa')],
    [
      'a leading zero',
      envelope(smallTrace([span('a')])).replace('"duration":1000', '"duration":01000'),
    ],
    ['a truncated body', envelope(smallTrace([span('a')])).slice(0, -3)],
  ])('gives up on invalid JSON (%s), as JSON.parse fails on it', (_what, text) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(scan(text, [4]).overview).toBeNull();
  });
});

describe('JaegerScanner and what it leaves to the full parse', () => {
  it('keeps the last of a repeated member, as JSON.parse does', () => {
    const text = envelope(
      smallTrace([
        span('a'),
        span('b'),
        span('c', { references: [{ spanID: 'a' }, { spanID: 'b' }] }),
      ]),
    ).replace(
      '"references":[{"spanID":"a"}',
      '"references":[{"refType":"FOLLOWS_FROM","refType":null,"traceID":"other","traceID":null,"spanID":"a"}',
    );
    const { overview } = scan(text, [7]);
    const full = fullOverview(text);
    expect(sameOverview(overview!, full)).toBe(true);
    // The first reference, a CHILD_OF in this trace once its repeated members are read, is the parent.
    expect(full.parent[full.keys.split('\n').indexOf('c')]).toBe(
      full.keys.split('\n').indexOf('a'),
    );
  });

  it('does not check inside tags: a tag the adapter drops shows only in the full overview', () => {
    const text = envelope(smallTrace([span('a', { tags: [{ value: 1 }] })]));
    const { overview } = scan(text);
    const full = fullOverview(text);
    expect(full.documentWarnings.join(' ')).toMatch(/tags\[0\]/);
    expect(overview?.documentWarnings).toEqual([]);
    expect(sameOverview(overview!, full)).toBe(false);
  });

  it('reads the tags of a span whose tags could mark an error, even when escaped', () => {
    const text = envelope(
      smallTrace([
        span('a', { tags: [{ key: 'note', value: 'error' }] }),
        span('b', { tags: [{ key: 'error', value: true }] }),
      ]),
    ).replace('"key":"error"', '"key":"e\\u0072ror"');
    expect(text).toContain('e\\u0072ror');
    const { overview } = scan(text, [9]);
    expect(overview?.errorCount).toBe(1);
    expect(sameOverview(overview!, fullOverview(text))).toBe(true);
  });
});

describe.runIf(HAS_FIXTURES)('JaegerScanner on the shared Jaeger fixtures', () => {
  const files = HAS_FIXTURES ? listFixtures(['jaeger']) : [];

  it.each(files)('%s: the quick overview is the full one, or it gives up', (file) => {
    const text = readFixture(file);
    const { overview, reason } = scan(text, [997]);
    const doc = JSON.parse(text) as unknown;
    const result = detectAndParse(doc);
    if (overview === null) {
      // Giving up is only right when the full parse sees something the scanner does not read.
      expect(reason).not.toBeNull();
      return;
    }
    expect(result.traces).toHaveLength(1);
    expect(sameOverview(overview, buildOverview(result.traces[0]!, result).overview)).toBe(true);
  });

  it('reads most of them quickly', () => {
    const quick = files.filter((file) => scan(readFixture(file)).overview !== null);
    expect(quick.length).toBeGreaterThanOrEqual(Math.ceil(files.length / 2));
  });
});
