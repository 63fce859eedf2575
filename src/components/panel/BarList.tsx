import { formatValue, type Unit } from '@/lib/format';
import { seriesColor } from './palette';

/** Horizontal bars for a distribution: readable at any width, labels never rotated. */
export function BarList({
  items,
  unit,
}: {
  items: Array<{ label: string; value: number }>;
  unit: Unit;
}) {
  const sorted = [...items].sort((a, b) => b.value - a.value);
  const max = Math.max(...sorted.map((i) => i.value), 0);
  const total = sorted.reduce((n, i) => n + (Number.isFinite(i.value) ? i.value : 0), 0);
  return (
    <ul className="flex flex-col gap-1.5 text-sm" aria-label="Distribution">
      {sorted.map((item, index) => (
        <li
          key={item.label}
          className="grid grid-cols-[minmax(6rem,12rem)_1fr_auto] items-center gap-2"
        >
          <span className="truncate" title={item.label}>
            {item.label}
          </span>
          <span className="h-3 rounded bg-slate-100 dark:bg-slate-800">
            <span
              className="block h-3 rounded"
              style={{
                width: `${max > 0 ? (item.value / max) * 100 : 0}%`,
                background: seriesColor(index),
              }}
            />
          </span>
          <span className="tabular-nums">
            {formatValue(item.value, unit)}
            {total > 0 && ' '}
            {total > 0 && (
              <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">
                ({Math.round((item.value / total) * 100)}%)
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
