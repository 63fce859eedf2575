import type { Threshold } from '@/config/presets/types';
import { formatValue, type Unit } from '@/lib/format';

export type { Threshold };

const COLOR_CLASS: Record<Threshold['color'], string> = {
  green: 'text-emerald-700 dark:text-emerald-400',
  amber: 'text-amber-700 dark:text-amber-300',
  red: 'text-red-700 dark:text-red-400',
  blue: 'text-sky-700 dark:text-sky-300',
};

/** Picks the colour of the highest threshold the value reaches (thresholds sorted ascending). */
export function thresholdColor(value: number, thresholds: Threshold[]): Threshold['color'] | null {
  let color: Threshold['color'] | null = null;
  for (const t of [...thresholds].sort((a, b) => a.value - b.value)) {
    if (value >= t.value) color = t.color;
  }
  return color;
}

export type StatProps = {
  label?: string;
  value: number | null;
  unit: Unit;
  thresholds?: Threshold[];
  hint?: string;
  decimals?: number;
};

export function Stat({ label, value, unit, thresholds = [], hint, decimals }: StatProps) {
  const color = value === null || Number.isNaN(value) ? null : thresholdColor(value, thresholds);
  return (
    <div className="flex flex-col gap-1" title={hint}>
      {label && <span className="text-xs text-slate-500 dark:text-slate-400">{label}</span>}
      <span
        className={`text-3xl font-semibold tabular-nums ${color ? COLOR_CLASS[color] : ''}`}
        data-testid="stat-value"
      >
        {formatValue(value, unit, decimals === undefined ? undefined : { decimals })}
      </span>
    </div>
  );
}
