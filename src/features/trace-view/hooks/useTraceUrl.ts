import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/** How long URL writes wait, so holding an arrow key does not flood the history API. */
const WRITE_DELAY_MS = 200;

export interface TraceUrlState {
  /** `?span=`: key of the selected span. */
  span: string | null;
  /** `?find=`: the find query. */
  find: string;
  write: (changes: { span?: string | null; find?: string | null }) => void;
}

/** The view's state in the URL: selected span and find text, written with `replace`. */
export function useTraceUrl(): TraceUrlState {
  const [params, setParams] = useSearchParams();
  // The setter changes with every URL change; a delayed write must use the latest one.
  const latestSetParams = useRef(setParams);
  latestSetParams.current = setParams;
  const pending = useRef<{ span?: string | null; find?: string | null }>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    const changes = pending.current;
    pending.current = {};
    latestSetParams.current(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '' || value === undefined) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  }, []);

  const write = useCallback(
    (changes: { span?: string | null; find?: string | null }) => {
      pending.current = { ...pending.current, ...changes };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, WRITE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  return { span: params.get('span'), find: params.get('find') ?? '', write };
}
