import type { Labels, QueryData, SamplePair } from '@/datasources/prometheus';

/** One series as panels use it, whatever query type produced it. */
export type FrameSeries = { id: string; name: string; labels: Labels; points: SamplePair[] };

/** `{{agent}} {{operation}}` → "planner chat"; without a template, Prometheus' own notation. */
export function seriesName(labels: Labels, legend?: string): string {
  if (legend) {
    const name = legend
      .replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, key: string) => labels[key] ?? '')
      .trim();
    if (name) return name;
  }
  const { __name__: metric, ...rest } = labels;
  const inner = Object.entries(rest)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
  return inner ? `${metric ?? ''}{${inner}}` : (metric ?? '{}');
}

export function labelsKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

/** Vector and matrix results become series; a scalar becomes one unnamed series. */
export function toFrameSeries(data: QueryData, legend?: string): FrameSeries[] {
  switch (data.resultType) {
    case 'matrix':
      return data.result.map((s) => ({
        id: labelsKey(s.metric),
        name: seriesName(s.metric, legend),
        labels: s.metric,
        points: s.values,
      }));
    case 'vector':
      return data.result.map((s) => ({
        id: labelsKey(s.metric),
        name: seriesName(s.metric, legend),
        labels: s.metric,
        points: [s.value],
      }));
    case 'scalar':
      return [{ id: 'scalar', name: legend ?? 'value', labels: {}, points: [data.result] }];
    case 'string':
      return [];
  }
}

/** The value a stat shows: the last sample of the first series, or null when there is none. */
export function lastValue(series: FrameSeries[]): number | null {
  const points = series[0]?.points;
  const last = points?.[points.length - 1];
  return last ? last[1] : null;
}
