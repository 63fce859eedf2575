import { useCallback, useMemo } from 'react';
import { useConfig } from '@/config/ConfigContext';
import { REFRESH_VALUES, TZ_VALUES } from '@/config/schema';
import {
  resolveRange,
  shiftRange,
  toAbsoluteRaw,
  zoomOutRange,
  type AbsoluteTimeRange,
  type RawTimeRange,
  type TimeZoneMode,
} from '@/lib/time';
import { useNowStore } from './nowStore';
import { useUrlParams } from './useUrlParams';

export type RefreshValue = (typeof REFRESH_VALUES)[number];

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

/** The URL's range resolved against `now`; a bad one falls back to the defaults and says why. */
function resolveUrlRange(
  fromParam: string | null,
  toParam: string | null,
  fallback: RawTimeRange,
  now: number,
  tz: TimeZoneMode,
): { raw: RawTimeRange; range: AbsoluteTimeRange; error: string | null } {
  const wanted = { from: fromParam ?? fallback.from, to: toParam ?? fallback.to };
  const resolved = resolveRange(wanted, now, tz);
  if (resolved.ok) return { raw: wanted, range: resolved.value, error: null };
  // A bad range in a shared link must not blank the app: say so and use the default.
  const safe = resolveRange(fallback, now, tz);
  const range: AbsoluteTimeRange = safe.ok ? safe.value : { from: now - 3_600_000, to: now };
  return { raw: fallback, range, error: `Time range ignored: ${resolved.error}` };
}

/** Time range, zone and refresh interval, read from and written to the URL. */
export function useTimeRange() {
  const { params, update: updateParams } = useUrlParams();
  const config = useConfig();
  const now = useNowStore((s) => s.now);
  const tick = useNowStore((s) => s.tick);

  const fromParam = params.get('from');
  const toParam = params.get('to');
  const tz: TimeZoneMode = pick(params.get('tz'), TZ_VALUES) ?? config.defaults.tz;
  const refresh: RefreshValue =
    pick(params.get('refresh'), REFRESH_VALUES) ?? config.defaults.refresh;

  const { raw, range, error } = useMemo(
    () =>
      resolveUrlRange(
        fromParam,
        toParam,
        { from: config.defaults.from, to: config.defaults.to },
        now,
        tz,
      ),
    [fromParam, toParam, now, tz, config.defaults.from, config.defaults.to],
  );

  /**
   * Shift and zoom start from the parameters as last written, not from this render's range:
   * two quick key presses (t ← then t z) would otherwise both start from the same range.
   */
  const moveRange = useCallback(
    (move: (range: AbsoluteTimeRange) => AbsoluteTimeRange) => {
      tick();
      updateParams((next) => {
        const defaults = { from: config.defaults.from, to: config.defaults.to };
        const current = resolveUrlRange(next.get('from'), next.get('to'), defaults, Date.now(), tz);
        const moved = toAbsoluteRaw(move(current.range));
        next.set('from', moved.from);
        next.set('to', moved.to);
      });
    },
    [tick, updateParams, config.defaults.from, config.defaults.to, tz],
  );

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      updateParams((next) => {
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
      }),
    [updateParams],
  );

  const setRaw = useCallback(
    (next: RawTimeRange) => {
      tick();
      update({ from: next.from, to: next.to });
    },
    [tick, update],
  );

  return {
    raw,
    range,
    error,
    tz,
    refresh,
    setRaw,
    setAbsolute: (r: AbsoluteTimeRange) => setRaw(toAbsoluteRaw(r)),
    shift: (direction: -1 | 1) => moveRange((r) => shiftRange(r, direction, Date.now())),
    zoomOut: () => moveRange((r) => zoomOutRange(r)),
    setTz: (value: TimeZoneMode) => update({ tz: value }),
    setRefresh: (value: RefreshValue) => update({ refresh: value }),
  };
}

/** Dashboard variables: every `var-<name>` URL parameter, multi-valued. */
export function useVariables() {
  const { params, update } = useUrlParams();
  const variables = useMemo(() => {
    const out: Record<string, string[]> = {};
    for (const [key, value] of params) {
      if (!key.startsWith('var-')) continue;
      (out[key.slice(4)] ??= []).push(value);
    }
    return out;
  }, [params]);

  const setVariable = useCallback(
    (name: string, values: string[]) =>
      update((next) => {
        next.delete(`var-${name}`);
        for (const v of values) next.append(`var-${name}`, v);
      }),
    [update],
  );

  return { variables, setVariable };
}
