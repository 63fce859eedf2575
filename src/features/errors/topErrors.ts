import { lastValue, type FrameSeries } from '@/query/prometheus/frames';

export type TopErrorRow = { key: string; agent: string; errorType: string; count: number };

/** Shown where a series lacks a label, so an unlabelled error is still listed. */
export const UNLABELLED = '(none)';

/**
 * Rows of the top-errors table from `sum by (agent, error_type)` results, most frequent first.
 * Series without a usable count (no sample, NaN) are left out rather than shown as zero.
 */
export function topErrorRows(series: readonly FrameSeries[]): TopErrorRow[] {
  return series
    .flatMap((s) => {
      const count = lastValue([s]);
      if (count === null || !Number.isFinite(count)) return [];
      return [
        {
          key: s.id,
          agent: s.labels.agent || UNLABELLED,
          errorType: s.labels.error_type || UNLABELLED,
          count,
        },
      ];
    })
    .sort(
      (a, b) =>
        b.count - a.count ||
        a.agent.localeCompare(b.agent) ||
        a.errorType.localeCompare(b.errorType),
    );
}
