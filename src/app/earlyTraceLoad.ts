import { DEFAULT_SOURCE_TIMEOUT_MS } from '@/config/defaults';
import { isLocalTraceId } from '@/datasources/traces/local/localTraceId';
import { prewarmTraceWorker, startTraceLoadEarly } from '@/datasources/traces/worker/client';
import type { TraceBackend } from '@/datasources/traces/worker/protocol';

const TRACE_PATH = /^\/traces\/([^/]+)\/?$/;

/**
 * On a link to a trace (`/traces/<id>`), starts the trace workers at once and downloading
 * and parsing the trace as soon as config.json has arrived, while the app's code is still loading; the trace view takes the
 * load over (see `startTraceLoadEarly`). On a 100k-span trace that is a few hundred
 * milliseconds sooner to the first row.
 *
 * Only the trace source is read here, without the app's validation: a config the app then
 * rejects, or reads differently, simply leaves the early load unclaimed. Skipped where the
 * request could differ from the trace view's: demo mode (its backend starts with the app),
 * inside a frame (the host may hand over a token first), and without Web Workers.
 */
export function startDeepLinkedTraceLoad(
  location: Pick<Location, 'pathname' | 'search'>,
  base: string,
  configText: Promise<string>,
): void {
  if (typeof Worker === 'undefined' || window.self !== window.top) return;
  if (new URLSearchParams(location.search).get('demo') === '1') return;
  const match = TRACE_PATH.exec(location.pathname.slice(base.length - 1));
  if (!match?.[1] || match[1] === 'compare') return;
  let traceId: string;
  try {
    traceId = decodeURIComponent(match[1]);
  } catch {
    return;
  }
  if (isLocalTraceId(traceId)) return;
  // The workers' scripts load while config.json is on its way; the load then takes them.
  prewarmTraceWorker();
  configText
    .then((text) => {
      const raw: unknown = JSON.parse(text);
      const source = traceSourceOf(raw);
      if (source) startTraceLoadEarly(source, traceId);
    })
    .catch(() => undefined);
}

/** `datasources.traces` of a config as the app will read it, or null if in any doubt. */
export function traceSourceOf(raw: unknown): TraceBackend | null {
  if (!isObject(raw) || raw.demo === true || !isObject(raw.datasources)) return null;
  const traces = raw.datasources.traces;
  if (!isObject(traces)) return null;
  const { kind, url, headers = {}, timeoutMs = DEFAULT_SOURCE_TIMEOUT_MS } = traces;
  if (kind !== 'jaeger' && kind !== 'tempo') return null;
  if (typeof url !== 'string' || url.trim() === '') return null;
  if (!isObject(headers) || !Object.values(headers).every((v) => typeof v === 'string'))
    return null;
  if (typeof timeoutMs !== 'number' || !Number.isInteger(timeoutMs) || timeoutMs <= 0) return null;
  return { kind, url: url.trim(), headers: headers as Record<string, string>, timeoutMs };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
