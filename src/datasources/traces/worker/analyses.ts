import { criticalPath, genAiRollup } from '@/datasources/traces';
import type { GenAiRollup, Trace } from '@/datasources/traces';
import type { CriticalPathData, GenAiData } from './protocol';

/** The critical path as columns, times relative to the trace start. */
export function criticalPathData(trace: Trace): CriticalPathData {
  const segments = criticalPath(trace);
  const n = segments.length;
  const spanIndex = new Int32Array(n);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  segments.forEach((s, i) => {
    spanIndex[i] = s.spanIndex;
    start[i] = s.startUs - trace.startUs;
    end[i] = s.endUs - trace.startUs;
  });
  return { spanIndex, start, end };
}

/**
 * GenAI usage per span and per subtree as columns; null when no span has `gen_ai.*`.
 * The rollup's arrays are used as they are, so they are detached once transferred.
 */
export function genAiData(
  trace: Trace,
  rollup: GenAiRollup = genAiRollup(trace),
): GenAiData | null {
  const n = trace.spans.length;
  if (!rollup.perSpan.some((usage) => usage !== null)) return null;
  const inputTokens = new Float64Array(n).fill(NaN);
  const outputTokens = new Float64Array(n).fill(NaN);
  const costUsd = new Float64Array(n).fill(NaN);
  const model = new Int32Array(n).fill(-1);
  const models: string[] = [];
  const modelIndex = new Map<string, number>();
  rollup.perSpan.forEach((usage, i) => {
    if (!usage) return;
    if (usage.inputTokens !== null) inputTokens[i] = usage.inputTokens;
    if (usage.outputTokens !== null) outputTokens[i] = usage.outputTokens;
    if (usage.costUsd !== null) costUsd[i] = usage.costUsd;
    const name = usage.responseModel ?? usage.requestModel;
    if (name === null) return;
    let m = modelIndex.get(name);
    if (m === undefined) {
      m = models.length;
      models.push(name);
      modelIndex.set(name, m);
    }
    model[i] = m;
  });
  return {
    inputTokens,
    outputTokens,
    costUsd,
    model,
    models,
    subtreeInputTokens: rollup.subtreeInputTokens,
    subtreeOutputTokens: rollup.subtreeOutputTokens,
    subtreeCostUsd: rollup.subtreeCostUsd,
    totals: { ...rollup.totals },
    byModel: rollup.byModel.map((m) => ({ ...m })),
  };
}

export function genAiTransfer(data: GenAiData | null): ArrayBuffer[] {
  if (!data) return [];
  return [
    data.inputTokens,
    data.outputTokens,
    data.costUsd,
    data.model,
    data.subtreeInputTokens,
    data.subtreeOutputTokens,
    data.subtreeCostUsd,
  ].map((a) => a.buffer as ArrayBuffer);
}

export function criticalPathTransfer(data: CriticalPathData): ArrayBuffer[] {
  return [data.spanIndex.buffer, data.start.buffer, data.end.buffer] as ArrayBuffer[];
}
