/** MSW handlers serving the Prometheus HTTP API of the simulated platform under a base path. */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { createSimulator } from '@mocks/sim';
import { createPrometheusApi, type PrometheusApi } from './api';
import { ApiParams } from './params';
import type { ApiResponse } from './responses';

export interface PrometheusHandlerOptions {
  /** Path the data source points at; any origin matches. */
  readonly base?: string;
  readonly seed?: number;
  /**
   * The instant two incidents are placed around (one recovered in the hour before, one in
   * progress). Defaults to when the handlers are created, so a freshly opened demo has both.
   */
  readonly anchorMs?: number;
  /** The clock; no samples exist after it. */
  readonly now?: () => number;
  /** Simulated network latency: a fixed delay or a [min, max] range in milliseconds. */
  readonly latencyMs?: number | readonly [number, number];
}

/** A realistic spread in the browser; none under a test runner, which wants speed. */
const DEFAULT_LATENCY: readonly [number, number] =
  import.meta.env?.MODE === 'test' ? [0, 0] : [20, 80];
/** Fractional parts of multiples of the golden ratio spread evenly over [0, 1). */
const GOLDEN_RATIO_FRACTION = 0.6180339887498949;

export function createPrometheusHandlers(options: PrometheusHandlerOptions = {}): RequestHandler[] {
  const base = (options.base ?? '/demo/prometheus').replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const anchorMs = options.anchorMs ?? now();
  const [minLatency, maxLatency] = latencyRange(options.latencyMs ?? DEFAULT_LATENCY);

  // Built on first use: importing the handlers (as every test does) stays cheap.
  let api: PrometheusApi | undefined;
  const getApi = () =>
    (api ??= createPrometheusApi({
      sim: createSimulator({ seed: options.seed ?? 42, anchorMs }),
      now,
    }));

  let requests = 0;
  const wait = async () => {
    if (maxLatency <= 0) return;
    const spread = (++requests * GOLDEN_RATIO_FRACTION) % 1;
    await delay(Math.round(minLatency + spread * (maxLatency - minLatency)));
  };

  const respond =
    (endpoint: Endpoint) =>
    async ({ request, params }: { request: Request; params: Record<string, unknown> }) => {
      const apiParams = await ApiParams.fromRequest(request);
      await wait();
      const name = typeof params.name === 'string' ? params.name : '';
      const { status, body } = endpoint(getApi(), name)(apiParams);
      return HttpResponse.json(body as Record<string, unknown>, { status });
    };

  return ROUTES.flatMap(([route, methods, endpoint]) => {
    const path = `*${base}/api/v1/${route}`;
    const handler = respond(endpoint);
    return methods === 'get'
      ? [http.get(path, handler)]
      : [http.get(path, handler), http.post(path, handler)];
  });
}

/** Picks the API method for a route; `name` is the `:name` path parameter, if any. */
type Endpoint = (api: PrometheusApi, name: string) => (params: ApiParams) => ApiResponse;

/** Routes under `<base>/api/v1/`; Prometheus accepts POSTed forms where queries can be long. */
const ROUTES: readonly (readonly [
  route: string,
  methods: 'get' | 'get+post',
  endpoint: Endpoint,
])[] = [
  ['query', 'get+post', (api) => api.query],
  ['query_range', 'get+post', (api) => api.queryRange],
  ['series', 'get+post', (api) => api.series],
  ['labels', 'get+post', (api) => api.labels],
  ['label/:name/values', 'get', (api, name) => api.labelValues(name)],
  ['query_exemplars', 'get+post', (api) => api.exemplars],
  ['alerts', 'get', (api) => api.alerts],
  ['rules', 'get', (api) => api.rules],
  ['status/buildinfo', 'get', (api) => api.buildInfo],
  ['metadata', 'get', (api) => api.metadata],
  ['targets', 'get', (api) => api.targets],
];

function latencyRange(latency: number | readonly [number, number]): [number, number] {
  return typeof latency === 'number' ? [latency, latency] : [latency[0], latency[1]];
}
