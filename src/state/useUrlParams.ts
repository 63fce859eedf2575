import { useCallback, useEffect, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The search string most recently written. The router updates the address bar at once but
 * renders the new location in a transition, so a second change made before that render (two
 * quick clicks) would otherwise start from the old parameters and undo the first.
 */
let pending: { from: string; to: string } | null = null;

/**
 * The URL's search parameters and an `update` that edits the latest ones. Every write to the
 * URL state goes through here.
 */
export function useUrlParams() {
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    // Rendered: later writes start from the router's own location again.
    if (pending?.to === location.search) pending = null;
  }, [location.search]);
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);

  const update = useCallback(
    (edit: (next: URLSearchParams) => void, { replace = false }: { replace?: boolean } = {}) => {
      const base = pending && pending.from === location.search ? pending.to : location.search;
      const next = new URLSearchParams(base);
      edit(next);
      const search = next.toString() ? `?${next.toString()}` : '';
      pending = { from: location.search, to: search };
      void navigate({ pathname: location.pathname, search, hash: location.hash }, { replace });
    },
    [location.search, location.pathname, location.hash, navigate],
  );

  return { params, update };
}
