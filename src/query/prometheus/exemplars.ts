import { queryOptions } from '@tanstack/react-query';
import type { ExemplarSeries, PromClient } from '@/datasources/prometheus';

/** An exemplar a chart marks: when, the observed value, and the trace it points to. */
export type ChartExemplar = {
  t: number;
  value: number;
  /** Null when the exemplar carries no trace id. */
  traceId: string | null;
  /** The exemplar's labels (trace id, span id, …), shown on hover. */
  labels: Record<string, string>;
};

/** Most exemplars a chart marks: the latest ones are kept. */
export const MAX_EXEMPLAR_MARKS = 300;

/** Label names instrumentations use for the trace id (OpenTelemetry, Jaeger, Zipkin style). */
const TRACE_ID_LABELS = ['trace_id', 'traceID', 'traceId', 'trace-id'];

/**
 * Exemplars of the series a panel's query selects, over the panel's range. Prometheus answers
 * with an empty list when exemplar storage is off, so no exemplars is not an error.
 */
export function exemplarQueryOptions(
  client: PromClient,
  expr: string,
  range: { from: number; to: number },
) {
  return queryOptions({
    queryKey: ['prometheus', client.name, 'exemplars', expr, range.from, range.to],
    queryFn: ({ signal }) => client.exemplars(expr, { start: range.from, end: range.to, signal }),
    select: toExemplarMarks,
  });
}

/** Flattens the API's per-series lists into marks in time order, the latest few hundred. */
export function toExemplarMarks(series: ExemplarSeries[]): ChartExemplar[] {
  const marks: ChartExemplar[] = [];
  for (const s of series) {
    for (const e of s.exemplars) {
      if (!Number.isFinite(e.value)) continue;
      const key = TRACE_ID_LABELS.find((name) => e.labels[name]);
      marks.push({
        t: e.timestamp,
        value: e.value,
        traceId: key ? (e.labels[key] as string) : null,
        labels: e.labels,
      });
    }
  }
  marks.sort((a, b) => a.t - b.t);
  return marks.length > MAX_EXEMPLAR_MARKS ? marks.slice(-MAX_EXEMPLAR_MARKS) : marks;
}
