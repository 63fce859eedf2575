import { useEffect, useState } from 'react';
import type { TraceHandle } from '@/datasources/traces/worker';

const DEBOUNCE_MS = 150;

export interface FindResult {
  /** The query these matches are for. */
  query: string;
  /** Span indices in display order; null while the worker searches. */
  matches: Int32Array | null;
  /** 1 for each matching span, for row highlighting. */
  mask: Uint8Array | null;
}

const NONE: FindResult = { query: '', matches: null, mask: null };

/** Runs find-in-trace in the worker as the query changes (debounced), newest query wins. */
export function useFind(handle: TraceHandle, query: string): FindResult {
  const [result, setResult] = useState<FindResult>(NONE);
  const wanted = query.trim();

  useEffect(() => {
    if (wanted === '') {
      setResult(NONE);
      return;
    }
    let live = true;
    setResult((previous) => ({ ...previous, query: wanted, matches: null }));
    const timer = setTimeout(() => {
      handle.find(wanted).then(
        (matches) => {
          if (!live) return;
          const mask = new Uint8Array(handle.overview.spanCount);
          for (const m of matches) mask[m] = 1;
          setResult({ query: wanted, matches, mask });
        },
        () => live && setResult({ query: wanted, matches: new Int32Array(0), mask: null }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [handle, wanted]);

  return result;
}
