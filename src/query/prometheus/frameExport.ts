import { toCsv } from '@/lib/csv';
import type { FrameSeries } from './frames';

/** Long format (one row per sample) so every label stays a column, as Grafana's CSV does. */
export function framesToCsv(series: FrameSeries[]): string {
  const labelKeys = [...new Set(series.flatMap((s) => Object.keys(s.labels)))].sort();
  const rows = series.flatMap((s) =>
    s.points.map(([t, v]) => {
      const row: Record<string, unknown> = { series: s.name };
      for (const k of labelKeys) row[k] = s.labels[k] ?? '';
      row.time = new Date(t).toISOString();
      row.value = Number.isFinite(v) ? v : String(v);
      return row;
    }),
  );
  return toCsv(rows, ['series', ...labelKeys, 'time', 'value']);
}
