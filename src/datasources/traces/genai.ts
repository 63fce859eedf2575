import { numericValue, stringValue } from './attributes';
import type { Span, Trace } from './model';

/** What one span says about a model, agent or tool call (OpenTelemetry GenAI conventions). */
export interface GenAiUsage {
  readonly operation: string | null;
  readonly provider: string | null;
  readonly requestModel: string | null;
  readonly responseModel: string | null;
  readonly agentName: string | null;
  readonly toolName: string | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly cacheReadInputTokens: number | null;
  readonly costUsd: number | null;
}

/** Reads the `gen_ai.*` attributes of a span; null when it has none. */
export function genAiUsage(span: Span): GenAiUsage | null {
  let found = false;
  let operation: string | null = null;
  let provider: string | null = null;
  let system: string | null = null;
  let requestModel: string | null = null;
  let responseModel: string | null = null;
  let agentName: string | null = null;
  let toolName: string | null = null;
  let inputTokens: number | null = null;
  let outputTokens: number | null = null;
  let promptTokens: number | null = null;
  let completionTokens: number | null = null;
  let cacheReadInputTokens: number | null = null;
  let costUsd: number | null = null;
  for (const { key, value } of span.attributes) {
    if (!key.startsWith('gen_ai.')) continue;
    found = true;
    switch (key) {
      case 'gen_ai.operation.name':
        operation = stringValue(value);
        break;
      case 'gen_ai.provider.name':
        provider = stringValue(value);
        break;
      case 'gen_ai.system':
        system = stringValue(value);
        break;
      case 'gen_ai.request.model':
        requestModel = stringValue(value);
        break;
      case 'gen_ai.response.model':
        responseModel = stringValue(value);
        break;
      case 'gen_ai.agent.name':
        agentName = stringValue(value);
        break;
      case 'gen_ai.tool.name':
        toolName = stringValue(value);
        break;
      case 'gen_ai.usage.input_tokens':
        inputTokens = numericValue(value);
        break;
      case 'gen_ai.usage.output_tokens':
        outputTokens = numericValue(value);
        break;
      case 'gen_ai.usage.prompt_tokens':
        promptTokens = numericValue(value);
        break;
      case 'gen_ai.usage.completion_tokens':
        completionTokens = numericValue(value);
        break;
      case 'gen_ai.usage.cache_read.input_tokens':
        cacheReadInputTokens = numericValue(value);
        break;
      case 'gen_ai.usage.cost':
        costUsd = numericValue(value);
        break;
    }
  }
  if (!found) return null;
  return {
    operation,
    // `gen_ai.system` is the name before semantic conventions 1.37 renamed it.
    provider: provider ?? system,
    requestModel,
    responseModel,
    agentName,
    toolName,
    inputTokens: inputTokens ?? promptTokens,
    outputTokens: outputTokens ?? completionTokens,
    cacheReadInputTokens,
    costUsd,
  };
}

export interface ModelUsage {
  readonly model: string;
  readonly provider: string | null;
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number | null;
}

export interface GenAiRollup {
  /** Per span, indexed like `trace.spans`. */
  readonly perSpan: readonly (GenAiUsage | null)[];
  readonly subtreeInputTokens: Float64Array;
  readonly subtreeOutputTokens: Float64Array;
  /** NaN where no span in the subtree reports a cost. */
  readonly subtreeCostUsd: Float64Array;
  readonly totals: {
    inputTokens: number;
    outputTokens: number;
    costUsd: number | null;
    calls: number;
  };
  readonly byModel: readonly ModelUsage[];
}

/**
 * Token and cost totals per span subtree and per model.
 *
 * Agent and workflow spans sometimes repeat the sum of their children's usage. To avoid
 * counting it twice, a subtree whose descendants report usage takes the descendants' sum and
 * ignores the span's own figures; a span's own usage counts only when nothing below reports
 * any. O(n) in one reverse pass (children follow their parent in `trace.spans`).
 */
export function genAiRollup(trace: Trace): GenAiRollup {
  const { spans } = trace;
  const { parent } = trace.tree;
  const n = spans.length;
  const perSpan = spans.map(genAiUsage);
  const childInput = new Float64Array(n);
  const childOutput = new Float64Array(n);
  const childCost = new Float64Array(n).fill(NaN);
  const childReports = new Uint8Array(n);
  const subtreeInputTokens = new Float64Array(n);
  const subtreeOutputTokens = new Float64Array(n);
  const subtreeCostUsd = new Float64Array(n).fill(NaN);
  const counted = new Uint8Array(n);

  for (let i = n - 1; i >= 0; i--) {
    const own = perSpan[i];
    const ownReports =
      own != null &&
      (own.inputTokens !== null || own.outputTokens !== null || own.costUsd !== null);
    if (own && ownReports && childReports[i] === 0) {
      counted[i] = 1;
      subtreeInputTokens[i] = own.inputTokens ?? 0;
      subtreeOutputTokens[i] = own.outputTokens ?? 0;
      subtreeCostUsd[i] = own.costUsd ?? NaN;
    } else {
      subtreeInputTokens[i] = childInput[i] as number;
      subtreeOutputTokens[i] = childOutput[i] as number;
      subtreeCostUsd[i] = childCost[i] as number;
    }
    const p = parent[i] as number;
    if (p < 0) continue;
    childInput[p] = (childInput[p] as number) + (subtreeInputTokens[i] as number);
    childOutput[p] = (childOutput[p] as number) + (subtreeOutputTokens[i] as number);
    childCost[p] = addCost(childCost[p] as number, subtreeCostUsd[i] as number);
    if (childReports[i] === 1 || ownReports) childReports[p] = 1;
  }

  let inputTokens = 0;
  let outputTokens = 0;
  let cost = NaN;
  for (const r of trace.rootIndices) {
    inputTokens += subtreeInputTokens[r] as number;
    outputTokens += subtreeOutputTokens[r] as number;
    cost = addCost(cost, subtreeCostUsd[r] as number);
  }
  const byModel = modelBreakdown(perSpan, counted);
  return {
    perSpan,
    subtreeInputTokens,
    subtreeOutputTokens,
    subtreeCostUsd,
    totals: {
      inputTokens,
      outputTokens,
      costUsd: Number.isNaN(cost) ? null : cost,
      calls: byModel.reduce((sum, m) => sum + m.calls, 0),
    },
    byModel,
  };
}

/** NaN means "no cost reported"; it must not turn a known sum into NaN. */
function addCost(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return a + b;
}

function modelBreakdown(
  perSpan: readonly (GenAiUsage | null)[],
  counted: Uint8Array,
): ModelUsage[] {
  const byKey = new Map<
    string,
    {
      model: string;
      provider: string | null;
      calls: number;
      inputTokens: number;
      outputTokens: number;
      cost: number;
    }
  >();
  perSpan.forEach((usage, i) => {
    if (!usage || !counted[i]) return;
    const model = usage.responseModel ?? usage.requestModel ?? 'unknown';
    const key = `${usage.provider ?? ''}\u0000${model}`;
    let row = byKey.get(key);
    if (!row) {
      row = {
        model,
        provider: usage.provider,
        calls: 0,
        inputTokens: 0,
        outputTokens: 0,
        cost: NaN,
      };
      byKey.set(key, row);
    }
    row.calls += 1;
    row.inputTokens += usage.inputTokens ?? 0;
    row.outputTokens += usage.outputTokens ?? 0;
    row.cost = addCost(row.cost, usage.costUsd ?? NaN);
  });
  return [...byKey.values()]
    .map(({ cost, ...row }) => ({ ...row, costUsd: Number.isNaN(cost) ? null : cost }))
    .sort((a, b) => b.inputTokens + b.outputTokens - (a.inputTokens + a.outputTokens));
}
