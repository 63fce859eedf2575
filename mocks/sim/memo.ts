/**
 * A direct-mapped cache of f(t). Queries read many series over the same scrape grid, and series
 * share terms (load shape, incident exposure, a histogram's noise), so recent instants recur.
 * Only pure functions of t may be wrapped: a hit must return what a miss would compute.
 */
const SLOTS = 2048;
const GRID_SEC = 15;

export function memoizeByTime(fn: (tSec: number) => number): (tSec: number) => number {
  let keys: Float64Array | undefined;
  let values: Float64Array | undefined;
  return (tSec) => {
    if (!keys || !values) {
      keys = new Float64Array(SLOTS).fill(NaN);
      values = new Float64Array(SLOTS);
    }
    const slot = Math.floor(tSec / GRID_SEC) & (SLOTS - 1);
    if (keys[slot] === tSec) return values[slot]!;
    const value = fn(tSec);
    keys[slot] = tSec;
    values[slot] = value;
    return value;
  };
}
