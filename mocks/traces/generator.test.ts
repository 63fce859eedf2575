import { detectAndParse } from '@/datasources/traces/detect';
import { genAiRollup } from '@/datasources/traces/genai';
import { generateJaegerTrace } from './generator';
import type { JaegerTraceJson } from './generator';

const tags = (trace: JaegerTraceJson) => trace.spans.flatMap((s) => s.tags);

describe('generateJaegerTrace', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateJaegerTrace({ spans: 300, seed: 7 });
    expect(generateJaegerTrace({ spans: 300, seed: 7 })).toEqual(a);
    expect(generateJaegerTrace({ spans: 300, seed: 8 })).not.toEqual(a);
  });

  it('makes exactly the asked number of spans with unique ids and a single root', () => {
    const raw = generateJaegerTrace({ spans: 5000, seed: 1 });
    expect(raw.spans).toHaveLength(5000);
    expect(new Set(raw.spans.map((s) => s.spanID)).size).toBe(5000);
    const trace = detectAndParse(raw).traces[0];
    expect(trace?.rootIndices).toEqual([0]);
  });

  it('nests children inside their parents and never deeper than maxDepth', () => {
    const trace = detectAndParse(generateJaegerTrace({ spans: 5000, seed: 2, maxDepth: 6 }))
      .traces[0];
    expect(Math.max(...(trace?.tree.depth ?? []))).toBe(5);
    // No orphans, skew, overruns or duplicates: the generated traces are clean.
    expect(trace?.warnings).toEqual([]);
  });

  it('varies fan-out: chains, bushes and wide nodes', () => {
    const trace = detectAndParse(generateJaegerTrace({ spans: 20_000, seed: 3 })).traces[0];
    const { subtreeSize, parent } = trace?.tree ?? {
      subtreeSize: new Int32Array(),
      parent: new Int32Array(),
    };
    const children = new Map<number, number>();
    parent.forEach((p) => p >= 0 && children.set(p, (children.get(p) ?? 0) + 1));
    const fanOuts = [...children.values()];
    expect(Math.max(...fanOuts)).toBeGreaterThan(100);
    expect(fanOuts.filter((n) => n === 1).length).toBeGreaterThan(1000);
    expect(subtreeSize[0]).toBe(20_000);
  });

  it('keeps the first spans the same whatever the total, so a preview matches the full trace', () => {
    const full = generateJaegerTrace({ spans: 1000, seed: 4, traceId: 'a'.repeat(32) });
    const preview = generateJaegerTrace({ spans: 200, seed: 4, traceId: 'a'.repeat(32) });
    expect(full.spans.slice(0, 200)).toEqual(preview.spans);
  });

  it('adds GenAI attributes only when asked, with tokens on LLM calls', () => {
    const withAi = generateJaegerTrace({ spans: 3000, seed: 5, genai: true });
    const withoutAi = generateJaegerTrace({ spans: 3000, seed: 5, genai: false });
    expect(tags(withoutAi).some((t) => t.key.startsWith('gen_ai.'))).toBe(false);
    const rollup = genAiRollup(detectAndParse(withAi).traces[0] ?? (null as never));
    expect(rollup.totals.calls).toBeGreaterThan(10);
    expect(rollup.totals.inputTokens).toBeGreaterThan(rollup.totals.outputTokens);
    expect(rollup.totals.costUsd).toBeGreaterThan(0);
  });

  it('follows the error rate and the logs switch', () => {
    const clean = generateJaegerTrace({ spans: 2000, seed: 6, errorRate: 0, withLogs: false });
    expect(tags(clean).some((t) => t.key === 'error')).toBe(false);
    expect(clean.spans.every((s) => s.logs.length === 0)).toBe(true);
    const failing = generateJaegerTrace({ spans: 100, seed: 6, errorRate: 1 });
    expect(
      failing.spans.every((s) => s.tags.some((t) => t.key === 'error' && t.value === true)),
    ).toBe(true);
    expect(
      failing.spans.every((s) => s.logs.some((l) => l.fields.some((f) => f.value === 'error'))),
    ).toBe(true);
  });

  it('uses the asked number of services and root service', () => {
    const one = generateJaegerTrace({ spans: 500, seed: 9, services: 1 });
    expect(Object.values(one.processes).map((p) => p.serviceName)).toEqual(['api-gateway']);
    const rooted = generateJaegerTrace({ spans: 10, seed: 9, rootService: 3 });
    expect(rooted.processes[rooted.spans[0]?.processID ?? '']?.serviceName).toBe('llm-gateway');
  });
});
