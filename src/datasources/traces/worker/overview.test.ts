// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sketchTrace } from '@/test/traces/spans';
import { buildOverview, indexOfKeyIn, keyAt, sameOverview } from './overview';
import { SPAN_FLAG } from './protocol';

const trace = sketchTrace([
  { id: 'root', start: 1000, duration: 100, service: 'api', operation: 'GET /' },
  { id: 'x', parent: 'root', start: 990, duration: 20, service: 'db', operation: 'query' },
  {
    id: 'x',
    parent: 'root',
    start: 1050,
    duration: 80,
    service: 'api',
    operation: 'GET /',
    status: 'error',
  },
  { id: 'lost', parent: 'nowhere', start: 1010, duration: 5, service: 'db', operation: 'query' },
  {
    id: 'llm',
    parent: 'root',
    start: 1020,
    duration: 5,
    service: 'agent',
    operation: 'chat',
    attributes: { 'gen_ai.usage.input_tokens': 10 },
  },
]);
const result = { traces: [trace], format: 'jaeger' as const, warnings: ['doc warning'] };

describe('buildOverview', () => {
  const { overview, transfer } = buildOverview(trace, result);

  it('packs times relative to the trace start, tree columns and string tables', () => {
    expect(overview.spanCount).toBe(5);
    expect(overview.startUs).toBe(990);
    expect(overview.durationUs).toBe(140);
    const root = indexOfKeyIn(overview, 'root');
    expect(overview.start[root]).toBe(10);
    expect(overview.duration[root]).toBe(100);
    expect(overview.childCount[root]).toBe(3);
    expect(overview.services[overview.service[root] as number]).toBe('api');
    expect(overview.operations[overview.operation[root] as number]).toBe('GET /');
    expect(overview.operations).toEqual(['GET /', 'query', 'chat']);
  });

  it('flags errors, orphans, skew and duplicates as bits', () => {
    const flags = (key: string) => overview.flags[indexOfKeyIn(overview, key)] as number;
    expect(flags('x') & SPAN_FLAG.clockSkew).toBeTruthy();
    expect(flags('x') & SPAN_FLAG.duplicateId).toBeTruthy();
    expect(flags('x~2') & SPAN_FLAG.error).toBeTruthy();
    expect(flags('x~2') & SPAN_FLAG.outlivesParent).toBeTruthy();
    expect(flags('lost') & SPAN_FLAG.orphan).toBeTruthy();
    expect(flags('root')).toBe(0);
    expect(overview.errorCount).toBe(1);
  });

  it('keeps warnings of the trace and of the document', () => {
    expect(overview.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['orphan', 'duplicate-id', 'clock-skew', 'outlives-parent']),
    );
    expect(overview.documentWarnings).toEqual(['doc warning']);
  });

  it('hands over its columns as transferable buffers, leaving the trace intact', () => {
    expect(transfer).toHaveLength(10);
    expect(transfer).toContain(overview.parent.buffer);
    expect(overview.parent.buffer).not.toBe(trace.tree.parent.buffer);
  });

  it('looks span keys up both ways', () => {
    trace.spans.forEach((span, i) => {
      expect(keyAt(overview, i)).toBe(span.key);
      expect(indexOfKeyIn(overview, span.key)).toBe(i);
    });
    expect(indexOfKeyIn(overview, 'roo')).toBe(-1);
    expect(indexOfKeyIn(overview, 'x\nlost')).toBe(-1);
    expect(indexOfKeyIn(overview, '')).toBe(-1);
  });
});

describe('sameOverview', () => {
  it('finds two builds of one trace the same, and any change to what is drawn different', () => {
    const a = buildOverview(trace, result).overview;
    expect(sameOverview(a, buildOverview(trace, result).overview)).toBe(true);
    const flagged = buildOverview(trace, result).overview;
    flagged.flags[1] = (flagged.flags[1] as number) ^ SPAN_FLAG.hasEvents;
    expect(sameOverview(a, flagged)).toBe(false);
    const renamed = buildOverview(trace, result).overview;
    renamed.operations[0] = 'other';
    expect(sameOverview(a, renamed)).toBe(false);
    const warned = buildOverview(trace, {
      ...result,
      warnings: ['doc warning', 'one more'],
    }).overview;
    expect(sameOverview(a, warned)).toBe(false);
  });
});
