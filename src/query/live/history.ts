import type { MetricsSample, MetricsSnapshot } from '@/datasources/live';

/** The last `maxPoints` values of one number from the metrics history, oldest first. */
export function historySeries(
  history: readonly MetricsSample[],
  pick: (snapshot: MetricsSnapshot) => number,
  maxPoints = 60,
): number[] {
  const start = Math.max(0, history.length - maxPoints);
  const values: number[] = [];
  for (let i = start; i < history.length; i += 1) {
    const sample = history[i];
    if (sample) values.push(pick(sample.data));
  }
  return values;
}

/**
 * SVG polyline points drawing `values` across a width × height box, the lowest value at the
 * bottom. A flat series sits in the middle; fewer than two values draw nothing.
 */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length < 2) return '';
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  const span = max - min;
  const stepX = width / (values.length - 1);
  return values
    .map((value, i) => {
      const y = span === 0 ? height / 2 : height - ((value - min) / span) * height;
      return `${round(i * stepX)},${round(y)}`;
    })
    .join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;
