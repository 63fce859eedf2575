import { criticalPath } from '../../src/datasources/traces/critical-path';
import { detectAndParse } from '../../src/datasources/traces/detect';
import { genAiRollup } from '../../src/datasources/traces/genai';
import { selfTimeTable } from '../../src/datasources/traces/self-time';
import { flatten } from '../../src/datasources/traces/tree-queries';
import { generateJaegerTrace } from './generate';

/**
 * Times the trace pipeline on generated Jaeger traces: JSON.parse of the response text, then
 * format detection + validation + conversion + tree (`detectAndParse`), then `flatten`, then
 * the on-demand analyses. Reports the median of several runs per size.
 */

export interface PipelineFigures {
  spans: number;
  megabytes: number;
  jsonParseMs: number;
  detectAndParseMs: number;
  flattenMs: number;
  /** detectAndParse + flatten: from parsed JSON to rows on screen. */
  parseTreeFlattenMs: number;
  /** JSON.parse + detectAndParse + flatten: from response text to rows on screen. */
  fromTextMs: number;
  /**
   * CPU time of the process for detectAndParse + flatten. On a shared machine wall time
   * includes waiting for a core; CPU time does not (it does include parallel GC threads).
   */
  parseTreeFlattenCpuMs: number;
  criticalPathMs: number;
  selfTimeTableMs: number;
  genAiRollupMs: number;
}

export const DEFAULT_SIZES = [10_000, 50_000, 100_000] as const;

export function measurePipeline(spans: number, runs = 5): PipelineFigures {
  const text = JSON.stringify(generateJaegerTrace({ spans, seed: 42 }));
  const samples: Array<Omit<PipelineFigures, 'spans' | 'megabytes'>> = [];
  for (let run = 0; run < runs; run++) {
    let t = performance.now();
    const doc: unknown = JSON.parse(text);
    const jsonParseMs = performance.now() - t;

    t = performance.now();
    const cpu = process.cpuUsage();
    const result = detectAndParse(doc);
    const detectAndParseMs = performance.now() - t;
    const trace = result.traces[0];
    if (!trace || trace.spans.length !== spans) throw new Error(`expected ${spans} spans`);

    t = performance.now();
    flatten(trace, new Set());
    const flattenMs = performance.now() - t;
    const cpuUsed = process.cpuUsage(cpu);
    const parseTreeFlattenCpuMs = (cpuUsed.user + cpuUsed.system) / 1000;

    t = performance.now();
    criticalPath(trace);
    const criticalPathMs = performance.now() - t;
    t = performance.now();
    selfTimeTable(trace);
    const selfTimeTableMs = performance.now() - t;
    t = performance.now();
    genAiRollup(trace);
    const genAiRollupMs = performance.now() - t;

    samples.push({
      jsonParseMs,
      detectAndParseMs,
      flattenMs,
      parseTreeFlattenMs: detectAndParseMs + flattenMs,
      fromTextMs: jsonParseMs + detectAndParseMs + flattenMs,
      parseTreeFlattenCpuMs,
      criticalPathMs,
      selfTimeTableMs,
      genAiRollupMs,
    });
  }
  const median = (pick: (s: (typeof samples)[number]) => number) => {
    const values = samples.map(pick).sort((a, b) => a - b);
    return Math.round((values[Math.floor(values.length / 2)] ?? 0) * 10) / 10;
  };
  return {
    spans,
    megabytes: Math.round(text.length / 1e5) / 10,
    jsonParseMs: median((s) => s.jsonParseMs),
    detectAndParseMs: median((s) => s.detectAndParseMs),
    flattenMs: median((s) => s.flattenMs),
    parseTreeFlattenMs: median((s) => s.parseTreeFlattenMs),
    fromTextMs: median((s) => s.fromTextMs),
    parseTreeFlattenCpuMs: median((s) => s.parseTreeFlattenCpuMs),
    criticalPathMs: median((s) => s.criticalPathMs),
    selfTimeTableMs: median((s) => s.selfTimeTableMs),
    genAiRollupMs: median((s) => s.genAiRollupMs),
  };
}

export function runPipelineBench(sizes: readonly number[] = DEFAULT_SIZES): PipelineFigures[] {
  return sizes.map((size) => measurePipeline(size));
}
