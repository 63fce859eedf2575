import { useCallback, useEffect, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The search string most recently written, and every search the writes since the router last
 * caught up passed through. The router updates the address bar at once but renders the new
 * location in a transition, so a change made before that render (two quick clicks) would
 * otherwise start from older parameters and undo the ones before it. With three quick writes
 * a component may have rendered the middle one, so each of them counts as stale, not only
 * the first.
 */
let pending: { passed: Set<string>; to: string } | null = null;

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
      const chain = pending?.passed.has(location.search) ? pending : null;
      const next = new URLSearchParams(chain ? chain.to : location.search);
      edit(next);
      const search = next.toString() ? `?${next.toString()}` : '';
      const passed = chain ? chain.passed : new Set([location.search]);
      passed.add(search);
      pending = { passed, to: search };
      void navigate({ pathname: location.pathname, search, hash: location.hash }, { replace });
    },
    [location.search, location.pathname, location.hash, navigate],
  );

  return { params, update };
}
