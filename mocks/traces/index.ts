import { http, HttpResponse } from 'msw';
import type { RequestHandler } from 'msw';
import { SERVICES } from './catalog';
import { generateJaegerTrace } from './generator';
import type { JaegerTraceJson } from './generator';
import { decodeTraceId, encodeTraceId } from './trace-ids';

/**
 * Jaeger query API v1 served from generated traces: services, operations, search and trace by
 * id. Trace ids encode size, start, root service and seed (see `trace-ids.ts`), so every
 * trace a search lists can be regenerated when opened, from 10 up to 50,000 spans.
 *
 * Search results are full Jaeger traces, as the real API returns them, but capped at
 * `SEARCH_PREVIEW_SPANS` spans each so a search stays fast: a bigger trace appears as its
 * first spans (same root, start and duration, see the generator) with a trace warning saying
 * so. The search honours service, time range, limit and min/max duration; operation and tags
 * are accepted and ignored.
 */

export const SEARCH_PREVIEW_SPANS = 200;

/** Span counts of successive search hits: mostly small, a few large ones to open. */
const SEARCH_SIZES = [
  12, 48, 150, 25, 90, 5_000, 60, 180, 30, 1_000, 120, 50_000, 15, 75, 10_000, 200, 40, 20_000, 100,
  10,
];

const DEFAULT_LOOKBACK_US = 3_600_000_000;

export interface TraceHandlerOptions {
  /** Path the demo config points the Jaeger source at. */
  base?: string;
}

export function createTraceHandlers({
  base = '/demo/jaeger',
}: TraceHandlerOptions = {}): RequestHandler[] {
  const api = `*${base.replace(/\/+$/, '')}/api`;
  return [
    http.get(`${api}/services`, () => HttpResponse.json(envelope(SERVICES.map((s) => s.name)))),
    http.get(`${api}/services/:service/operations`, ({ params }) => {
      const service = SERVICES.find((s) => s.name === params.service);
      return HttpResponse.json(envelope(service ? service.operations.map((o) => o.name) : []));
    }),
    http.get(`${api}/traces`, ({ request }) => searchResponse(new URL(request.url).searchParams)),
    http.get(`${api}/traces/:traceId`, ({ params }) => {
      const id = String(params.traceId).toLowerCase();
      const key = decodeTraceId(id);
      if (!key) return jaegerError(404, 'trace not found');
      const trace = generateJaegerTrace({
        spans: key.spans,
        seed: key.seed,
        traceId: id,
        startUs: key.startMs * 1000,
        rootService: key.rootService,
      });
      return HttpResponse.json(envelope([trace]));
    }),
  ];
}

/** Jaeger API handlers at the demo base path. */
export const traceHandlers: RequestHandler[] = createTraceHandlers();

function searchResponse(query: URLSearchParams): Response {
  const service = query.get('service');
  if (!service) return jaegerError(400, "parameter 'service' is required");
  const serviceIndex = SERVICES.findIndex((s) => s.name === service);
  if (serviceIndex < 0) return HttpResponse.json(envelope([]));

  const limit = Math.min(100, Math.max(1, Number(query.get('limit')) || 20));
  const endUs = Number(query.get('end')) || Date.now() * 1000;
  const lookbackUs = parseGoDuration(query.get('lookback') ?? '') ?? DEFAULT_LOOKBACK_US;
  const startUs = Number(query.get('start')) || endUs - lookbackUs;
  const minUs = parseGoDuration(query.get('minDuration') ?? '');
  const maxUs = parseGoDuration(query.get('maxDuration') ?? '');
  const step = Math.max(1000, (endUs - startUs) / (limit + 1));

  const hits: JaegerTraceJson[] = [];
  for (let i = 0; i < limit; i++) {
    const spans = SEARCH_SIZES[(i + serviceIndex) % SEARCH_SIZES.length] as number;
    const startMs = Math.floor((endUs - (i + 1) * step) / 1000);
    const seed =
      (Math.imul(serviceIndex + 1, 0x9e3779b1) ^
        Math.imul(startMs % 0x7fffffff, 0x85ebca77) ^
        i) >>>
      0;
    const preview = generateJaegerTrace({
      spans: Math.min(spans, SEARCH_PREVIEW_SPANS),
      seed,
      traceId: encodeTraceId({ spans, startMs, rootService: serviceIndex, seed }),
      startUs: startMs * 1000,
      rootService: serviceIndex,
    });
    const rootDuration = preview.spans[0]?.duration ?? 0;
    if ((minUs !== null && rootDuration < minUs) || (maxUs !== null && rootDuration > maxUs))
      continue;
    if (spans > SEARCH_PREVIEW_SPANS) {
      preview.warnings = [
        `Search preview: the first ${SEARCH_PREVIEW_SPANS} of ${spans} spans. Open the trace to load all of them.`,
      ];
    }
    hits.push(preview);
  }
  return HttpResponse.json(envelope(hits));
}

function envelope<T>(data: T[]) {
  return { data, total: data.length, limit: 0, offset: 0, errors: null };
}

function jaegerError(code: number, msg: string): Response {
  return HttpResponse.json(
    { data: null, total: 0, limit: 0, offset: 0, errors: [{ code, msg }] },
    { status: code },
  );
}

const UNIT_US: Record<string, number> = {
  ns: 0.001,
  us: 1,
  µs: 1,
  ms: 1000,
  s: 1e6,
  m: 6e7,
  h: 3.6e9,
};

/** Go's time.ParseDuration subset the Jaeger API accepts ("1.5s", "100ms", "1h30m"), in µs. */
export function parseGoDuration(text: string): number | null {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return null;
  return parts.reduce((sum, p) => sum + Number(p[1]) * (UNIT_US[p[2] as string] ?? 0), 0);
}
