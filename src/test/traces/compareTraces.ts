import { detectAndParse } from '@/datasources/traces';
import type { TraceOverview } from '@/datasources/traces/worker';
import { buildOverview } from '@/datasources/traces/worker/overview';

/** A span for tests, in the few fields a structure diff reads. Times in microseconds. */
export interface SpanSpec {
  readonly id: string;
  readonly parent?: string;
  readonly service: string;
  readonly operation: string;
  readonly start?: number;
  readonly duration: number;
  readonly error?: boolean;
}

/** A Jaeger API v1 trace document with the given spans, one process per service. */
export function jaegerDocument(traceId: string, specs: readonly SpanSpec[]) {
  const services = [...new Set(specs.map((s) => s.service))];
  const processId = (service: string) => `p${services.indexOf(service) + 1}`;
  return {
    data: [
      {
        traceID: traceId,
        processes: Object.fromEntries(
          services.map((s) => [processId(s), { serviceName: s, tags: [] }]),
        ),
        spans: specs.map((s, i) => ({
          traceID: traceId,
          spanID: s.id,
          operationName: s.operation,
          startTime: 1_700_000_000_000_000 + (s.start ?? i),
          duration: s.duration,
          processID: processId(s.service),
          references: s.parent ? [{ refType: 'CHILD_OF', traceID: traceId, spanID: s.parent }] : [],
          tags: s.error ? [{ key: 'error', type: 'bool', value: true }] : [],
          logs: [],
        })),
      },
    ],
  };
}

/** The engine's overview of `jaegerDocument(traceId, specs)`, as the compare page gets it. */
export function buildTraceOverview(traceId: string, specs: readonly SpanSpec[]): TraceOverview {
  const result = detectAndParse(jaegerDocument(traceId, specs));
  const trace = result.traces[0];
  if (!trace) throw new Error('test trace did not parse');
  return buildOverview(trace, result).overview;
}
