import { useEffect } from 'react';
import { refreshToMs } from '@/lib/time';
import { useNowStore } from '@/state/nowStore';
import { useTimeRange } from '@/state/urlState';

/** Moves `now` on the refresh interval, as the shell does for full views. */
export function useAutoRefresh() {
  const { refresh } = useTimeRange();
  const tick = useNowStore((s) => s.tick);
  useEffect(() => {
    const ms = refreshToMs(refresh);
    if (ms === null) return;
    const id = window.setInterval(tick, ms);
    return () => window.clearInterval(id);
  }, [refresh, tick]);
}
