import { lttb } from '@/lib/lttb';

export type SeriesPoint = [t: number, v: number];
export type Series = { id: string; name: string; points: SeriesPoint[] };
export type ChartRow = { t: number } & Record<string, number>;

/** Points drawn across all series of one chart. */
export const POINT_BUDGET = 12_000;

/**
 * Downsamples each visible series with LTTB (which keeps the peaks naive decimation drops) and
 * snaps every kept point to a column of a shared grid, so all series share their timestamps.
 * Recharts walks every row for every line, so its cost is lines × rows: the grid is one column
 * per two pixels for a few series and coarser when many share `POINT_BUDGET` (a hundred series
 * get 200 columns each). The snap moves a point by less than a column. When two points of one
 * series land in one column the larger is kept: in a monitoring chart the spike matters more
 * than the dip.
 */
export function buildChartRows(
  series: Series[],
  hidden: ReadonlySet<string>,
  widthPx: number,
  range: { from: number; to: number },
): ChartRow[] {
  const visible = series.filter((s) => !hidden.has(s.id)).length || 1;
  const columns = Math.max(
    3,
    Math.min(Math.floor(widthPx / 2), Math.floor(POINT_BUDGET / visible)),
  );
  const span = Math.max(1, range.to - range.from);
  const threshold = columns;
  const rows = new Map<number, ChartRow>();
  series.forEach((s, index) => {
    if (hidden.has(s.id)) return;
    const key = `s${index}`;
    const sampled = lttb(
      s.points,
      threshold,
      (p) => p[0],
      (p) => p[1],
    );
    for (const [t, v] of sampled) {
      const column = Math.round(((t - range.from) / span) * columns);
      let row = rows.get(column);
      if (!row) {
        row = { t: range.from + (column * span) / columns } as ChartRow;
        rows.set(column, row);
      }
      // Infinity cannot be drawn; leave a gap rather than a line to the edge.
      const value = Number.isFinite(v) ? v : Number.NaN;
      const previous = row[key];
      row[key] =
        previous === undefined || Number.isNaN(previous) || value > previous ? value : previous;
    }
  });
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
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
