import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { MemoryRouter, useLocation } from 'react-router';
import type { ReactNode } from 'react';
import { ConfigContext } from '@/config/ConfigContext';
import { DataSourcesContext } from '@/query/DataSourcesContext';
import { validateConfig } from '@/config/loadConfig';
import { createDataSources } from '@/config/dataSources';

type Labels = Record<string, string>;

/** How the stub answers a query whose PromQL contains `match`. */
export type PromRoute = {
  match: string;
  /** Instant-query answer: labels and value. */
  vector?: Array<[Labels, number]>;
  /** Range-query answer: labels and [seconds, value] points. */
  matrix?: Array<[Labels, Array<[number, number]>]>;
  error?: { status: number; errorType: string; error: string };
};

const NOW_SECONDS = 1_700_000_000;
const sample = (v: number) => (Number.isNaN(v) ? 'NaN' : String(v));

/**
 * MSW handlers for the demo Prometheus' query endpoints that answer each query from the first
 * route it matches (an empty result when none does) and record every PromQL sent in `sent`.
 */
export function prometheusStub(routes: PromRoute[], sent: string[] = []) {
  const answer =
    (range: boolean) =>
    async ({ request }: { request: Request }) => {
      const params =
        request.method === 'POST'
          ? new URLSearchParams(await request.text())
          : new URL(request.url).searchParams;
      const expr = params.get('query') ?? '';
      sent.push(expr);
      const route = routes.find((r) => expr.includes(r.match));
      if (route?.error) {
        return HttpResponse.json(
          { status: 'error', errorType: route.error.errorType, error: route.error.error },
          { status: route.error.status },
        );
      }
      const data = range
        ? {
            resultType: 'matrix',
            result: (route?.matrix ?? []).map(([metric, points]) => ({
              metric,
              values: points.map(([t, v]) => [t, sample(v)]),
            })),
          }
        : {
            resultType: 'vector',
            result: (route?.vector ?? []).map(([metric, v]) => ({
              metric,
              value: [NOW_SECONDS, sample(v)],
            })),
          };
      return HttpResponse.json({ status: 'success', data });
    };
  const base = '*/demo/prometheus/api/v1';
  return [
    http.post(`${base}/query`, answer(false)),
    http.get(`${base}/query`, answer(false)),
    http.post(`${base}/query_range`, answer(true)),
    http.get(`${base}/query_range`, answer(true)),
  ];
}

/** Shows the router's current URL so tests can assert what the view wrote to it. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/** Renders `ui` as the app would at `url`, against the demo Prometheus address. */
export function renderWithApp(
  ui: ReactNode,
  { url = '/agents', config = {} }: { url?: string; config?: Record<string, unknown> } = {},
) {
  const loaded = validateConfig({
    datasources: { prometheus: { url: 'http://localhost/demo/prometheus' } },
    ...config,
  });
  if (!loaded.ok) throw new Error(`test config is invalid: ${JSON.stringify(loaded.problems)}`);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <ConfigContext.Provider value={loaded.config}>
      <DataSourcesContext.Provider value={createDataSources(loaded.config)}>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter initialEntries={[url]}>
            {ui}
            <LocationProbe />
          </MemoryRouter>
        </QueryClientProvider>
      </DataSourcesContext.Provider>
    </ConfigContext.Provider>,
  );
}
