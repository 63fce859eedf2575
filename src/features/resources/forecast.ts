import { lastValue, type FrameSeries } from '@/query/prometheus/frames';

/** Forecasts further out than this are noise from a slowly drifting gauge, not a warning. */
export const FORECAST_HORIZON_HOURS = 7 * 24;
export const BEYOND_HORIZON_TEXT = 'not within 7 d';

/** Below 10 one decimal helps ("in 1.5 h"); above it, whole units read better. */
function amount(value: number): string {
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return String(rounded);
}

/**
 * Hours until a resource runs out, for people: "in 45 min", "in 5 h", "in 2.5 d", "now";
 * `null` (no forecast: not shrinking) and anything past seven days read "not within 7 d".
 */
export function formatTimeToExhaustion(hours: number | null): string {
  if (hours === null || Number.isNaN(hours) || hours > FORECAST_HORIZON_HOURS)
    return BEYOND_HORIZON_TEXT;
  if (hours <= 0) return 'now';
  const minutes = Math.round(hours * 60);
  if (minutes < 1) return 'in < 1 min';
  if (minutes < 60) return `in ${minutes} min`;
  if (hours < 48) return `in ${amount(hours)} h`;
  return `in ${amount(hours / 24)} d`;
}

export type ForecastRow = {
  key: string;
  instance: string;
  /** "Disk /data" or "Memory". */
  resource: string;
  /** Null when the usage is not shrinking, so no exhaustion is forecast. */
  hours: number | null;
  text: string;
  withinHorizon: boolean;
};

export type ForecastInput = {
  /** Usage series tell which instances and mounts exist; a forecast only comes back for shrinking ones. */
  diskUsage: readonly FrameSeries[];
  diskForecast: readonly FrameSeries[];
  memoryUsage: readonly FrameSeries[];
  memoryForecast: readonly FrameSeries[];
};

type Target = { key: string; instance: string; resource: string };

const instanceOf = (s: FrameSeries) => s.labels.instance ?? s.name;

function diskTarget(s: FrameSeries): Target {
  const instance = instanceOf(s);
  const mount = s.labels.mountpoint;
  return {
    key: `disk\u0000${instance}\u0000${mount ?? ''}`,
    instance,
    resource: mount ? `Disk ${mount}` : 'Disk',
  };
}

function memoryTarget(s: FrameSeries): Target {
  const instance = instanceOf(s);
  return { key: `memory\u0000${instance}`, instance, resource: 'Memory' };
}

function join(
  usage: readonly FrameSeries[],
  forecast: readonly FrameSeries[],
  target: (s: FrameSeries) => Target,
) {
  const targets = new Map<string, Target & { hours: number | null }>();
  for (const s of usage) {
    const t = target(s);
    if (!targets.has(t.key)) targets.set(t.key, { ...t, hours: null });
  }
  for (const s of forecast) {
    const value = lastValue([s]);
    if (value === null || Number.isNaN(value)) continue;
    const t = target(s);
    const known = targets.get(t.key);
    // Several series for one target (e.g. two devices on one mount): the soonest wins.
    const hours = known && known.hours !== null ? Math.min(known.hours, value) : value;
    targets.set(t.key, { ...t, hours });
  }
  return [...targets.values()];
}

/**
 * One row per disk mount and per instance's memory: when it runs out, soonest first, then the
 * ones with no exhaustion in sight.
 */
export function forecastRows(input: ForecastInput): ForecastRow[] {
  const joined = [
    ...join(input.diskUsage, input.diskForecast, diskTarget),
    ...join(input.memoryUsage, input.memoryForecast, memoryTarget),
  ];
  return joined
    .map(({ key, instance, resource, hours }) => ({
      key,
      instance,
      resource,
      hours,
      text: formatTimeToExhaustion(hours),
      withinHorizon: hours !== null && hours <= FORECAST_HORIZON_HOURS,
    }))
    .sort(
      (a, b) =>
        Number(b.withinHorizon) - Number(a.withinHorizon) ||
        (a.withinHorizon ? (a.hours ?? 0) - (b.hours ?? 0) : 0) ||
        a.instance.localeCompare(b.instance) ||
        a.resource.localeCompare(b.resource),
    );
}
