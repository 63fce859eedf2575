import { genAiRollup, genAiUsage } from './genai';
import { sketchSpan, sketchTrace } from '@/test/traces/spans';

describe('genAiUsage', () => {
  it('is null for a span without gen_ai attributes', () => {
    expect(
      genAiUsage(
        sketchSpan({ id: 'a', start: 0, duration: 1, attributes: { 'http.method': 'GET' } }),
      ),
    ).toBeNull();
  });

  it('reads current and legacy attribute names and numeric text', () => {
    const usage = genAiUsage(
      sketchSpan({
        id: 'a',
        start: 0,
        duration: 1,
        attributes: {
          'gen_ai.system': 'openai',
          'gen_ai.request.model': 'gpt-4o',
          'gen_ai.usage.prompt_tokens': '120',
          'gen_ai.usage.completion_tokens': 30,
          'gen_ai.usage.cost': 0.0021,
        },
      }),
    );
    expect(usage).toMatchObject({
      provider: 'openai',
      requestModel: 'gpt-4o',
      responseModel: null,
      inputTokens: 120,
      outputTokens: 30,
      costUsd: 0.0021,
    });
  });

  it('prefers gen_ai.provider.name and the new token names over the old ones', () => {
    const usage = genAiUsage(
      sketchSpan({
        id: 'a',
        start: 0,
        duration: 1,
        attributes: {
          'gen_ai.system': 'old',
          'gen_ai.provider.name': 'new',
          'gen_ai.usage.prompt_tokens': 1,
          'gen_ai.usage.input_tokens': 2,
        },
      }),
    );
    expect(usage).toMatchObject({ provider: 'new', inputTokens: 2 });
  });
});

describe('genAiRollup', () => {
  const llm = (id: string, parent: string, input: number, output: number, cost?: number) => ({
    id,
    parent,
    start: 10,
    duration: 10,
    attributes: {
      'gen_ai.response.model': 'm1',
      'gen_ai.provider.name': 'p',
      'gen_ai.usage.input_tokens': input,
      'gen_ai.usage.output_tokens': output,
      ...(cost === undefined ? {} : { 'gen_ai.usage.cost': cost }),
    },
  });

  it('sums usage per subtree without counting an agent that repeats its children', () => {
    const trace = sketchTrace([
      { id: 'root', start: 0, duration: 100 },
      {
        id: 'agent',
        parent: 'root',
        start: 5,
        duration: 50,
        attributes: {
          'gen_ai.operation.name': 'invoke_agent',
          'gen_ai.usage.input_tokens': 100,
          'gen_ai.usage.output_tokens': 10,
        },
      },
      llm('c1', 'agent', 60, 6, 0.5),
      llm('c2', 'agent', 40, 4),
      llm('solo', 'root', 7, 1, 0.25),
    ]);
    const rollup = genAiRollup(trace);
    const at = (key: string) => trace.spans.findIndex((s) => s.key === key);
    expect(rollup.subtreeInputTokens[at('agent')]).toBe(100);
    expect(rollup.subtreeOutputTokens[at('agent')]).toBe(10);
    expect(rollup.subtreeCostUsd[at('agent')]).toBe(0.5);
    expect(rollup.totals).toEqual({ inputTokens: 107, outputTokens: 11, costUsd: 0.75, calls: 3 });
    expect(rollup.byModel).toEqual([
      { model: 'm1', provider: 'p', calls: 3, inputTokens: 107, outputTokens: 11, costUsd: 0.75 },
    ]);
  });

  it("counts a span's own usage when nothing below it reports any", () => {
    const trace = sketchTrace([
      {
        id: 'agent',
        start: 0,
        duration: 50,
        attributes: { 'gen_ai.usage.input_tokens': 9, 'gen_ai.request.model': 'x' },
      },
      {
        id: 'tool',
        parent: 'agent',
        start: 1,
        duration: 5,
        attributes: { 'gen_ai.tool.name': 'search' },
      },
    ]);
    const rollup = genAiRollup(trace);
    expect(rollup.totals).toEqual({ inputTokens: 9, outputTokens: 0, costUsd: null, calls: 1 });
    expect(rollup.perSpan[1]).toMatchObject({ toolName: 'search', inputTokens: null });
    expect(Number.isNaN(rollup.subtreeCostUsd[0])).toBe(true);
  });
});
