// @vitest-environment node
import { Buffer } from 'node:buffer';
import { detectAndParse, TraceFormatError } from './detect';
import type { ParseResult, Span } from './model';
import { HAS_FIXTURES, listFixtures, readFixture } from '@/test/traces/fixtures';

/**
 * Every file under the trace fixture folders either is a trace that parses without loss, or
 * is listed here as the kind of non-trace document it is. A new trace file the parsers cannot
 * read fails this test; so does a new non-trace file until it is listed.
 */
const NON_TRACE_FILES: Record<string, NonTraceKind> = {
  'otlp/otel_proto_examples_logs.json': 'otlp-logs',
  'otlp/otel_proto_examples_metrics.json': 'otlp-metrics',
  'tempo/docs_api_search_tags_based.json': 'tempo-search',
  'tempo/docs_api_search_traceql_oneline.json': 'tempo-search',
  'tempo/kiali_api_search_traceql.json': 'tempo-search',
};
const FOLDERS = ['jaeger', 'tempo', 'otlp', 'zipkin'];

type NonTraceKind = 'otlp-logs' | 'otlp-metrics' | 'tempo-search';
type Json = Record<string, unknown>;

/** A span as counted straight from the raw document, independently of the parsers. */
interface RawSpan {
  id: string;
  signature: string;
}

function documents(text: string): unknown[] {
  try {
    return [JSON.parse(text)];
  } catch {
    return text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as unknown);
  }
}

function nonTraceKind(doc: unknown): NonTraceKind | null {
  if (!isObject(doc)) return null;
  if ('resourceLogs' in doc) return 'otlp-logs';
  if ('resourceMetrics' in doc) return 'otlp-metrics';
  if (Array.isArray(doc.traces)) return 'tempo-search';
  return null;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0);
const sig = (attrs: number, resource: number, events: number, eventAttrs: number, refs: number) =>
  `attrs=${attrs} resource=${resource} events=${events} eventAttrs=${eventAttrs} refs=${refs}`;

/** Jaeger and Zipkin: hex, lowercased; other ids ("span-1") as they are. */
function hexId(raw: string): string {
  return /^[0-9a-f]+$/i.test(raw) ? raw.toLowerCase() : raw;
}

/** OTLP family: 16/32 hex characters, or base64 of the bytes. */
function otlpId(raw: string): string {
  return /^([0-9a-f]{16}|[0-9a-f]{32})$/i.test(raw)
    ? raw.toLowerCase()
    : Buffer.from(raw, 'base64').toString('hex');
}

function rawSpans(doc: unknown): RawSpan[] {
  if (Array.isArray(doc)) return doc.flatMap(rawSpans);
  if (!isObject(doc)) return [];
  if (typeof doc.traceId === 'string' && typeof doc.id === 'string') return [zipkinSpan(doc)];
  if (Array.isArray(doc.spans) && 'processes' in doc) return jaegerSpans(doc);
  return Object.entries(doc).flatMap(([key, value]) =>
    key === 'resourceSpans' || key === 'batches' ? list(value).flatMap(otlpSpans) : rawSpans(value),
  );
}

function jaegerSpans(trace: Json): RawSpan[] {
  const processes = isObject(trace.processes) ? trace.processes : {};
  return list(trace.spans).map((s) => {
    const process = processes[String(s.processID)];
    const logs = list(s.logs);
    return {
      id: hexId(String(s.spanID)),
      signature: sig(
        count(s.tags),
        isObject(process) ? count(process.tags) : 0,
        logs.length,
        logs.reduce((n, l) => n + count(l.fields), 0),
        count(s.references),
      ),
    };
  });
}

function otlpSpans(resourceSpans: Json): RawSpan[] {
  const resource = isObject(resourceSpans.resource) ? count(resourceSpans.resource.attributes) : 0;
  const groups = [
    ...list(resourceSpans.scopeSpans),
    ...list(resourceSpans.instrumentationLibrarySpans),
  ];
  return groups.flatMap((g) =>
    list(g.spans).map((s) => {
      const events = list(s.events);
      const hasParent = typeof s.parentSpanId === 'string' && s.parentSpanId !== '';
      return {
        id: otlpId(String(s.spanId)),
        signature: sig(
          count(s.attributes),
          resource,
          events.length,
          events.reduce((n, e) => n + count(e.attributes), 0),
          (hasParent ? 1 : 0) + count(s.links),
        ),
      };
    }),
  );
}

function zipkinSpan(s: Json): RawSpan {
  const fields = (e: unknown) =>
    isObject(e)
      ? ['serviceName', 'ipv4', 'ipv6', 'port'].filter((k) => e[k] != null && e[k] !== '').length
      : 0;
  const tags = isObject(s.tags) ? Object.keys(s.tags).length : 0;
  return {
    id: hexId(String(s.id)),
    signature: sig(
      tags + fields(s.remoteEndpoint),
      fields(s.localEndpoint),
      count(s.annotations),
      0,
      s.parentId ? 1 : 0,
    ),
  };
}

function parsedSignature(span: Span): string {
  return sig(
    span.attributes.length,
    span.resource.length,
    span.events.length,
    span.events.reduce((n, e) => n + e.attributes.length, 0),
    (span.parentSpanId ? 1 : 0) + span.links.length,
  );
}

function byId(spans: ReadonlyArray<{ id: string; signature: string }>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of spans) (out[s.id] ??= []).push(s.signature);
  for (const id of Object.keys(out)) out[id]?.sort();
  return out;
}

describe.skipIf(!HAS_FIXTURES)('trace fixtures conformance', () => {
  const files = HAS_FIXTURES ? listFixtures(FOLDERS) : [];
  const classified = files.map((file) => {
    const docs = documents(readFixture(file));
    return { file, docs, kind: docs.length === 1 ? nonTraceKind(docs[0]) : null };
  });
  const traceFiles = classified.filter((c) => c.kind === null && !c.file.endsWith('.md'));

  it('finds the fixture folders', () => {
    expect(traceFiles.length).toBeGreaterThanOrEqual(15);
  });

  it('recognises exactly the listed non-trace files', () => {
    const found = Object.fromEntries(
      classified.filter((c) => c.kind !== null).map((c) => [c.file, c.kind]),
    );
    expect(found).toEqual(NON_TRACE_FILES);
  });

  it.each(Object.keys(NON_TRACE_FILES))(
    '%s is refused with a message naming what it is',
    (file) => {
      expect(() => detectAndParse(readFixture(file))).toThrow(TraceFormatError);
      expect(() => detectAndParse(readFixture(file))).toThrow(/not a trace/i);
    },
  );

  describe.each(traceFiles.map((c) => [c.file, c.docs] as const))('%s', (file, docs) => {
    const raw = docs.flatMap(rawSpans);
    let parsedOnce: ParseResult | undefined;
    // Parsed inside the tests, so a file the parsers refuse fails a test instead of the suite.
    const parse = () => (parsedOnce ??= detectAndParse(readFixture(file)));

    it('is read as a trace', () => {
      expect(parse().traces.length).toBeGreaterThan(0);
    });

    it('holds spans', () => {
      expect(raw.length).toBeGreaterThan(0);
    });

    it('keeps every span', () => {
      const parsed = parse().traces.flatMap((t) => t.spans);
      expect(parsed).toHaveLength(raw.length);
      expect(new Set(parsed.map((s) => s.spanId))).toEqual(new Set(raw.map((s) => s.id)));
    });

    it('keeps every attribute, resource attribute, event and reference of every span', () => {
      const parsed = parse().traces.flatMap((t) => t.spans);
      expect(byId(parsed.map((s) => ({ id: s.spanId, signature: parsedSignature(s) })))).toEqual(
        byId(raw),
      );
    });

    it('gives every span a unique key', () => {
      for (const trace of parse().traces) {
        expect(new Set(trace.spans.map((s) => s.key)).size).toBe(trace.spans.length);
      }
    });

    it('reports no document-level problems', () => {
      expect(parse().warnings).toEqual([]);
    });
  });
});
