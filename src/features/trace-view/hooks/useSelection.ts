import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { TraceOverview } from '@/datasources/traces/worker';
import { keyAt } from '@/datasources/traces/worker';
import type { WaterfallHandle } from '../components/Waterfall';
import { rowOfSpan } from '../model/rows';

export interface Selection {
  selected: number;
  /** Selects a span, expanding its ancestors and scrolling it into view. */
  select: (span: number, how?: 'nearest' | 'center') => void;
  /** Scrolls a span into view once its row exists (after ancestors expand). */
  scrollToSpan: (span: number, how?: 'nearest' | 'center') => void;
}

/**
 * The selected span, mirrored to `?span=<key>`, and scrolling to spans whose rows appear only
 * after the collapse state changes.
 */
export function useSelection({
  overview,
  rows,
  initial,
  reveal,
  waterfall,
  writeUrl,
}: {
  overview: TraceOverview;
  rows: Int32Array;
  initial: number;
  reveal: (span: number) => void;
  waterfall: RefObject<WaterfallHandle | null>;
  writeUrl: (key: string | null) => void;
}): Selection {
  const [selected, setSelected] = useState(initial);
  const pending = useRef<{ span: number; how: 'nearest' | 'center' } | null>(
    initial >= 0 ? { span: initial, how: 'center' } : null,
  );
  const [request, setRequest] = useState(0);

  useLayoutEffect(() => {
    const want = pending.current;
    if (!want) return;
    const row = rowOfSpan(rows, want.span);
    if (row < 0) return;
    pending.current = null;
    waterfall.current?.reveal(row, want.how);
  }, [rows, request, waterfall]);

  const scrollToSpan = useCallback(
    (span: number, how: 'nearest' | 'center' = 'nearest') => {
      reveal(span);
      pending.current = { span, how };
      setRequest((n) => n + 1);
    },
    [reveal],
  );

  const select = useCallback(
    (span: number, how: 'nearest' | 'center' = 'nearest') => {
      setSelected(span);
      writeUrl(span >= 0 ? keyAt(overview, span) : null);
      if (span >= 0) scrollToSpan(span, how);
    },
    [overview, writeUrl, scrollToSpan],
  );

  return { selected, select, scrollToSpan };
}
