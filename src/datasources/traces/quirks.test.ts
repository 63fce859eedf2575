// @vitest-environment node
import { criticalPath } from './critical-path';
import { genAiRollup } from './genai';
import type { Span, Trace } from './model';
import { HAS_FIXTURES, parseFixture } from '@/test/traces/fixtures';
import { childIndices } from './tree-queries';

function onlyTrace(file: string): Trace {
  const { traces } = parseFixture(file);
  expect(traces).toHaveLength(1);
  return traces[0] as Trace;
}

function span(trace: Trace, key: string): Span {
  const found = trace.spans.find((s) => s.key === key);
  if (!found) throw new Error(`no span ${key}`);
  return found;
}

function attr(s: Span, key: string) {
  return s.attributes.find((a) => a.key === key)?.value;
}

describe.skipIf(!HAS_FIXTURES)('Jaeger quirks in real files', () => {
  it('keeps both copies of a duplicated span id whose parent is missing, as flagged orphan roots', () => {
    const result = parseFixture('jaeger/api_traces_response_otlp2jaeger_out.json');
    expect(result.format).toBe('jaeger');
    const trace = result.traces[0] as Trace;
    expect(trace.traceId).toBe('83a9efd15c1c98a977e0711cc93ee28b');
    expect(trace.spans.map((s) => s.key)).toEqual(['e127af99e3b3e074', 'e127af99e3b3e074~2']);
    expect(trace.rootIndices).toEqual([0, 1]);
    for (const s of trace.spans) expect(s.flags).toEqual({ orphan: true, duplicateId: true });
    expect(trace.warnings.map((w) => [w.code, w.count])).toEqual([
      ['orphan', 2],
      ['duplicate-id', 2],
    ]);
  });

  it('shows spans without references as several roots and flags the duplicated id', () => {
    const trace = onlyTrace('jaeger/jaegerui_multiple_roots_duplicate_spanid.json');
    expect(trace.rootIndices).toHaveLength(4);
    expect(trace.spans.map((s) => s.operation)).toEqual([
      'send',
      'span with test',
      'another span with test',
      'span with test1',
    ]);
    expect(trace.spans.filter((s) => s.flags.duplicateId).map((s) => s.key)).toEqual([
      '2dc4b796e2127e32',
      '2dc4b796e2127e32~2',
    ]);
    expect(trace.spans.some((s) => s.flags.orphan)).toBe(false);
  });

  it('flags a child that ends after its parent without moving it', () => {
    const trace = onlyTrace('jaeger/jaegerui_child_longer_than_parent_starts_after.json');
    const child = span(trace, '2dc4b796e2127e32');
    expect(child.flags).toEqual({ outlivesParent: true });
    expect([child.startUs, child.durationUs]).toEqual([200, 300]);
    expect(trace.durationUs).toBe(400);
    expect(trace.services).toEqual(['service-one', 'service-two']);
  });

  it('reads FOLLOWS_FROM, non-hex ids, string "true" errors and the error tag', () => {
    const trace = onlyTrace('jaeger/jaegerui_tracegraph_testTrace.json');
    expect(trace.spans).toHaveLength(11);
    const follows = trace.spans.filter((s) => s.refType === 'FOLLOWS_FROM');
    expect(follows).toHaveLength(1);
    expect(span(trace, 'span-2').status).toBe('error');
    expect(trace.rootIndices).toEqual([0]);
  });

  it('reads null lists, typed tags, binary tags and short ids from the Jaeger model fixture', () => {
    const trace = onlyTrace('jaeger/model_fixture_trace.json');
    expect(trace.traceId).toBe('abc0');
    const root = span(trace, 'abc0');
    expect([root.attributes, root.events, root.links]).toEqual([[], [], []]);
    const typed = span(trace, '123');
    expect(typed.attributes.map((a) => a.value)).toEqual([
      true,
      123,
      123.567,
      { type: 'bytes', base64: 'AQ==' },
    ]);
    expect(typed.status).toBe('error');
    expect(typed.events).toEqual([
      {
        timeUs: 1400,
        name: '',
        attributes: [{ key: 'error', type: 'string', value: 'something bad happened' }],
      },
    ]);
    expect(span(trace, '567').refType).toBe('FOLLOWS_FROM');
    expect(span(trace, '567').parentSpanId).toBe('abc0');
    expect(typed.resource).toEqual([{ key: 'host', type: 'string', value: 'google.com' }]);
  });

  it('picks the in-trace CHILD_OF parent among several references and keeps the rest as links', () => {
    const trace = onlyTrace('jaeger/ui_01_trace.json');
    const s4 = span(trace, '0000000000000004');
    expect(s4.parentSpanId).toBe('0000000000000002');
    expect(s4.links.map((l) => [l.traceId, l.spanId, l.refType])).toEqual([
      ['00000000000000ff', '00000000000000ff', 'CHILD_OF'],
      ['0000000000000001', '0000000000000002', 'FOLLOWS_FROM'],
    ]);
    expect(s4.warnings).toEqual(['some span warning']);
    expect(trace.warnings).toContainEqual({
      code: 'source',
      message: 'some trace warning',
      count: 1,
    });
    const big = span(trace, '0000000000000002~2');
    expect(attr(big, 'javascript_limit')).toEqual({ type: 'int64', text: '9223372036854775222' });
    // The two copies of 0000000000000002 are both roots; children attach to the first.
    expect(trace.rootIndices.map((i) => trace.spans[i]?.key)).toEqual([
      '0000000000000002',
      '0000000000000002~2',
    ]);
    expect(childIndices(trace, 0).map((i) => trace.spans[i]?.key)).toEqual([
      '0000000000000003',
      '0000000000000004',
    ]);
    expect(span(trace, '0000000000000002').events.map((e) => e.name)).toEqual(['some-event', '']);
  });

  it('sums GenAI tokens per subtree and per model', () => {
    const trace = onlyTrace('jaeger/jaegerui_genaiTestTrace.json');
    expect(trace.spans).toHaveLength(57);
    const rollup = genAiRollup(trace);
    expect(rollup.totals).toEqual({
      inputTokens: 8280,
      outputTokens: 1180,
      costUsd: null,
      calls: 5,
    });
    expect(
      rollup.byModel.map((m) => [m.model, m.provider, m.calls, m.inputTokens, m.outputTokens]),
    ).toEqual([
      ['model-a', 'example-ai', 4, 7360, 1040],
      ['model-b', 'example-ai', 1, 920, 140],
    ]);
    const summarizer = trace.spans.findIndex((s) => s.operation === 'invoke_agent summarizer');
    expect(rollup.subtreeInputTokens[summarizer]).toBe(920);
    expect(rollup.perSpan[summarizer]).toMatchObject({
      agentName: 'summarizer',
      inputTokens: null,
    });
    const segments = criticalPath(trace);
    expect(segments[0]?.startUs).toBe(trace.startUs);
    expect(segments.at(-1)?.endUs).toBe(trace.endUs);
  });
});

describe.skipIf(!HAS_FIXTURES)('OTLP, Tempo and Jaeger v3 quirks in real files', () => {
  it('decodes base64 ids of Jaeger API v3 and a start time beyond int64', () => {
    const result = parseFixture('otlp/jaeger_apiv3_grpcgateway_gettrace_base64.json');
    expect(result.format).toBe('jaeger-v3');
    const s = result.traces[0]?.spans[0] as Span;
    expect(s.traceId).toBe('000000000000009600000000000000a0');
    expect(s.spanId).toBe('00000000000000b4');
    expect(s.durationUs).toBe(0);
    expect(s.startUs).toBe(11651379494838206);
    expect(s.service).toBe('unknown_service');
  });

  it('lowercases uppercase hex ids and reads kind numbers and scope attributes', () => {
    const result = parseFixture('otlp/otel_proto_examples_trace.json');
    expect(result.format).toBe('otlp');
    const trace = result.traces[0] as Trace;
    const s = trace.spans[0] as Span;
    expect([trace.traceId, s.spanId, s.parentSpanId]).toEqual([
      '5b8efff798038103d269b633813fc60c',
      'eee19b7ec3c1b174',
      'eee19b7ec3c1b173',
    ]);
    expect(s.kind).toBe('server');
    expect(s.flags.orphan).toBe(true);
    expect(s.scope).toEqual({
      name: 'my.library',
      version: '1.0.0',
      attributes: [{ key: 'my.scope.attribute', value: 'some scope attribute' }],
    });
    expect([s.startUs, s.durationUs]).toEqual([1544712660000000, 1000000]);
  });

  it('joins the lines of an NDJSON file into one trace', () => {
    const result = parseFixture('otlp/jaegerui_otlp_multi_in.ndjson.txt');
    expect(result.format).toBe('otlp');
    const trace = result.traces[0] as Trace;
    expect(trace.spans.map((s) => [s.operation, trace.tree.depth[trace.spans.indexOf(s)]])).toEqual(
      [
        ['main', 0],
        ['info', 1],
        ['ohboy.do', 2],
        ['ohboy.do', 2],
      ],
    );
    expect(trace.spans.some((s) => s.flags.orphan)).toBe(false);
    expect(trace.spans[0]?.scope?.version).toBe('1.2.3');
  });

  it('splits a request holding two trace ids and reads statuses, events and links', () => {
    const { traces } = parseFixture('otlp/jaeger_memory_otel_traces_01.json');
    expect(traces).toHaveLength(2);
    const spans = traces.flatMap((t) => t.spans);
    expect(spans.filter((s) => s.status === 'error').length).toBeGreaterThan(0);
    const withEvents = spans.find((s) => s.events.length === 2) as Span;
    expect(withEvents.events.map((e) => e.name)).toEqual(['testing-event', '']);
    expect(attr(withEvents, 'peer.ipv4')).toBe(23456);
    expect(attr(withEvents, 'blob')).toEqual({ type: 'bytes', base64: 'AAAwOQ==' });
    expect(withEvents.links[0]?.attributes).toEqual([
      { key: 'opentracing.ref_type', value: 'follows_from' },
    ]);
    expect(new Set(spans.map((s) => s.kind))).toEqual(
      new Set(['server', 'client', 'producer', 'consumer']),
    );
  });

  it('reads the Tempo /api/v2/traces wrapper with base64 ids and enum names', () => {
    const result = parseFixture('tempo/docs_api_v2_traces_oneline.json');
    expect(result.format).toBe('tempo');
    const s = result.traces[0]?.spans[0] as Span;
    // The same trace id the Tempo docs' search result lists for this trace.
    expect(s.traceId).toBe('5b8efff798038103d269b633813fc700');
    expect(s.spanId).toBe('eee19b7ec3c1b100');
    expect(s.kind).toBe('server');
  });

  it('builds the tree of a Tempo batches response across batches', () => {
    const result = parseFixture('tempo/kiali_api_traces_batches.json');
    expect(result.format).toBe('tempo');
    const trace = result.traces[0] as Trace;
    expect(trace.spans).toHaveLength(8);
    expect(trace.rootIndices).toEqual([0]);
    expect(Math.max(...trace.tree.depth)).toBe(5);
    expect(trace.spans.every((s) => s.events.length === 1)).toBe(true);
    expect(trace.services[0]).toBe('istio-ingressgateway.istio-system');
  });

  it('reads STATUS_CODE_ERROR from a Tempo resourceSpans document', () => {
    const trace = onlyTrace('tempo/servicegraphs_trace_with_failed_requests.json');
    expect(trace.spans).toHaveLength(15);
    expect(trace.spans.filter((s) => s.status === 'error').length).toBeGreaterThan(0);
  });

  it('reads the legacy Tempo batches with scopeSpans and uppercase ids', () => {
    const result = parseFixture('tempo/tempopb_trace_batches.json');
    expect(result.format).toBe('tempo');
    expect(result.traces[0]?.spans[0]?.spanId).toBe('eee19b7ec3c1b174');
  });
});

describe.skipIf(!HAS_FIXTURES)('Zipkin quirks in real files', () => {
  it('nests the shared server half under its client half and flags its clock skew', () => {
    const result = parseFixture('zipkin/zipkin_lens_skew.json');
    expect(result.format).toBe('zipkin');
    const trace = result.traces[0] as Trace;
    expect(
      trace.spans.map((s) => [s.service, s.kind, trace.tree.depth[trace.spans.indexOf(s)]]),
    ).toEqual([
      ['servicea', 'server', 0],
      ['servicea', 'client', 1],
      ['serviceb', 'server', 2],
      ['serviceb', 'unspecified', 3],
    ]);
    const server = trace.spans[2] as Span;
    expect(server.flags).toEqual({ clockSkew: true });
    expect(server.startUs).toBe(1470150004008761);
    expect(trace.warnings.map((w) => w.code)).toEqual(['clock-skew']);
  });

  it('reads a single span object with non-Latin names and an error tag', () => {
    const s = onlyTrace('zipkin/zipkin2_chinese_span.json').spans[0] as Span;
    expect([s.service, s.operation, s.kind]).toEqual(['订单维护服务', '个人信息查询', 'client']);
    expect([s.status, s.statusMessage]).toEqual(['error', '此用户没有操作权限']);
    expect(attr(s, 'peer.service')).toBe('个人信息服务');
    expect(s.resource).toContainEqual({ key: 'ipv6', value: '2001:db8::c001' });
  });

  it('reads a multi-service Zipkin trace with shared spans', () => {
    const trace = onlyTrace('zipkin/zipkin_lens_yelp.json');
    expect(trace.spans).toHaveLength(16);
    expect(trace.spans.filter((s) => s.flags.duplicateId)).toEqual([]);
  });
});
