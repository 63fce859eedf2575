import type { LoadProgress, TraceBackend } from './protocol';

/**
 * A backend trace load started before anything asked for it: on a deep link to a trace, the
 * app's entry starts the download and parse while the rest of the app loads. The trace view's
 * own load then takes it over instead of starting again, provided it asks for exactly the same
 * thing (backend, id, headers, timeout); anything else discards it.
 */
export interface EarlyLoad<T> {
  readonly source: TraceBackend;
  readonly traceId: string;
  readonly result: Promise<T>;
  readonly abort: () => void;
  /** The latest progress report, replayed to whoever takes the load over. */
  progress: LoadProgress | null;
  onProgress: ((progress: LoadProgress) => void) | null;
}

/** Nobody took the load over in this long (the page went elsewhere): it is dropped. */
export const UNCLAIMED_MS = 15_000;

let pending: { load: EarlyLoad<{ dispose(): void }>; timer: ReturnType<typeof setTimeout> } | null =
  null;

export function hasEarlyLoad(): boolean {
  return pending !== null;
}

export function keepEarlyLoad<T extends { dispose(): void }>(load: EarlyLoad<T>): void {
  discardEarlyLoad();
  pending = { load, timer: setTimeout(discardEarlyLoad, UNCLAIMED_MS) };
}

/** The early load if it is for `source`/`traceId`; any other early load is discarded. */
export function claimEarlyLoad<T extends { dispose(): void }>(
  source: TraceBackend,
  traceId: string,
): EarlyLoad<T> | null {
  if (!pending) return null;
  const { load, timer } = pending;
  pending = null;
  clearTimeout(timer);
  if (traceId === load.traceId && sameBackend(source, load.source)) return load as EarlyLoad<T>;
  drop(load);
  return null;
}

export function discardEarlyLoad(): void {
  if (!pending) return;
  clearTimeout(pending.timer);
  drop(pending.load);
  pending = null;
}

function drop(load: EarlyLoad<{ dispose(): void }>): void {
  load.abort();
  load.result.then(
    (handle) => handle.dispose(),
    () => undefined,
  );
}

function sameBackend(a: TraceBackend, b: TraceBackend): boolean {
  return (
    a.kind === b.kind &&
    a.url === b.url &&
    (a.timeoutMs ?? null) === (b.timeoutMs ?? null) &&
    sameHeaders(a.headers ?? {}, b.headers ?? {})
  );
}

function sameHeaders(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}
