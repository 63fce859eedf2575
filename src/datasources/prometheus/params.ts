/** Request parameter encoding for the Prometheus HTTP API. */

/**
 * Epoch ms as the decimal seconds Prometheus expects, built from integers so that
 * 1435781430781 becomes exactly "1435781430.781" with no floating-point noise.
 */
export function toPromTime(ms: number): string {
  const whole = Math.round(ms);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const seconds = Math.floor(abs / 1000);
  const millis = abs % 1000;
  if (millis === 0) return `${sign}${seconds}`;
  return `${sign}${seconds}.${String(millis).padStart(3, '0').replace(/0+$/, '')}`;
}

export type ParamValue = string | number | readonly string[] | undefined;

/** Skips undefined values and repeats a key for each element of a list (`match[]`). */
export function toSearchParams(params: Record<string, ParamValue>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number') {
      search.append(key, String(value));
    } else {
      for (const item of value) search.append(key, item);
    }
  }
  return search;
}

/** Seconds for the `step` parameter; the API also accepts durations, plain seconds are simplest. */
export function toPromStep(stepSec: number): string {
  return String(Math.round(stepSec * 1000) / 1000);
}
