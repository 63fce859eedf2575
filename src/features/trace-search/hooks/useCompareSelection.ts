import { useCallback, useMemo, useState } from 'react';

/** How many traces a comparison takes. */
export const COMPARE_COUNT = 2;

/**
 * Up to two trace ids picked for comparison, in the order they were picked (the first is "A").
 * Ids no longer among `available` are not reported, so a new search never compares a trace
 * the user cannot see.
 */
export function useCompareSelection(available: readonly string[]) {
  const [picked, setPicked] = useState<readonly string[]>([]);
  const selected = useMemo(
    () => picked.filter((id) => available.includes(id)),
    [picked, available],
  );

  const toggle = useCallback(
    (id: string) =>
      setPicked((current) => {
        const visible = current.filter((p) => available.includes(p));
        if (visible.includes(id)) return visible.filter((p) => p !== id);
        return visible.length < COMPARE_COUNT ? [...visible, id] : visible;
      }),
    [available],
  );

  return { selected, toggle, full: selected.length >= COMPARE_COUNT };
}
