import { carrySessionParams } from '@/lib/sessionParams';

function withViewState(path: string, own: URLSearchParams, current: URLSearchParams): string {
  for (const [key, value] of carrySessionParams(current, { variables: false }))
    own.append(key, value);
  const query = own.toString();
  return query === '' ? path : `${path}?${query}`;
}

/** Link to one trace (a backend id or a `local-…` id), keeping the time range, zone, demo… */
export function traceHref(traceId: string, current: URLSearchParams): string {
  return withViewState(`/traces/${encodeURIComponent(traceId)}`, new URLSearchParams(), current);
}

export function compareHref(a: string, b: string, current: URLSearchParams): string {
  return withViewState('/traces/compare', new URLSearchParams({ a, b }), current);
}
