import { lastValue, type FrameSeries } from '@/query/prometheus/frames';

/** Used share (0–1) at which a resource is a warning and a problem. */
export const SATURATION_THRESHOLDS = { warning: 0.8, critical: 0.9 } as const;

export type SaturationLevel = 'ok' | 'warning' | 'critical';

export function saturationLevel(used: number): SaturationLevel {
  if (used >= SATURATION_THRESHOLDS.critical) return 'critical';
  if (used >= SATURATION_THRESHOLDS.warning) return 'warning';
  return 'ok';
}

export type SaturationCell = {
  value: number;
  level: SaturationLevel;
  /** For disk: the mount that is fullest. */
  detail?: string;
};

export type SaturationRow = {
  instance: string;
  cpu: SaturationCell | null;
  memory: SaturationCell | null;
  disk: SaturationCell | null;
  /** The highest of the three, for sorting the busiest instance first. */
  worst: number;
};

export type SaturationInput = {
  cpu: readonly FrameSeries[];
  memory: readonly FrameSeries[];
  disk: readonly FrameSeries[];
};

const RESOURCES = ['cpu', 'memory', 'disk'] as const;

/**
 * The current used share per instance: CPU, memory, and the fullest disk mount. Instances are
 * matched by their `instance` label; busiest first.
 */
export function saturationRows(input: SaturationInput): SaturationRow[] {
  const rows = new Map<string, SaturationRow>();
  for (const resource of RESOURCES) {
    for (const s of input[resource]) {
      const value = lastValue([s]);
      if (value === null || Number.isNaN(value)) continue;
      const instance = s.labels.instance ?? s.name;
      const row = rows.get(instance) ?? {
        instance,
        cpu: null,
        memory: null,
        disk: null,
        worst: Number.NEGATIVE_INFINITY,
      };
      const current = row[resource];
      if (current === null || value > current.value) {
        const detail = resource === 'disk' ? s.labels.mountpoint : undefined;
        row[resource] = {
          value,
          level: saturationLevel(value),
          ...(detail === undefined ? {} : { detail }),
        };
      }
      row.worst = Math.max(row.worst, value);
      rows.set(instance, row);
    }
  }
  return [...rows.values()].sort(
    (a, b) => b.worst - a.worst || a.instance.localeCompare(b.instance),
  );
}
