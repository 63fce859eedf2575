import { lttb } from '@/lib/lttb';

export type SeriesPoint = [t: number, v: number];
export type Series = { id: string; name: string; points: SeriesPoint[] };
export type ChartRow = { t: number } & Record<string, number>;

/**
 * Downsamples each visible series to about one point per pixel (LTTB keeps peaks that
 * naive decimation drops) and merges them into rows keyed by timestamp for recharts.
 */
export function buildChartRows(
  series: Series[],
  hidden: ReadonlySet<string>,
  widthPx: number,
): ChartRow[] {
  const threshold = Math.max(3, Math.floor(widthPx));
  const rows = new Map<number, ChartRow>();
  series.forEach((s, index) => {
    if (hidden.has(s.id)) return;
    const sampled = lttb(
      s.points,
      threshold,
      (p) => p[0],
      (p) => p[1],
    );
    for (const [t, v] of sampled) {
      let row = rows.get(t);
      if (!row) {
        row = { t } as ChartRow;
        rows.set(t, row);
      }
      // Infinity cannot be drawn; leave a gap rather than a line to the edge.
      row[`s${index}`] = Number.isFinite(v) ? v : Number.NaN;
    }
  });
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** Toggle semantics of Grafana's legend: click hides/shows one, modifier-click isolates one. */
export function toggleSeries(
  hidden: ReadonlySet<string>,
  allIds: string[],
  id: string,
  isolate: boolean,
): Set<string> {
  if (isolate) {
    const onlyThisVisible = allIds.every((other) => (other === id) !== hidden.has(other));
    return onlyThisVisible ? new Set() : new Set(allIds.filter((other) => other !== id));
  }
  const next = new Set(hidden);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
