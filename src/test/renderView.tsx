import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { ConfigContext } from '@/config/ConfigContext';
import { DataSourcesContext } from '@/query/DataSourcesContext';
import { validateConfig } from '@/config/loadConfig';
import { createDataSources } from '@/config/dataSources';

export const PROMETHEUS_URL = 'http://localhost/demo/prometheus';

/** Renders a view with config, data sources, a non-retrying query client and a router at `url`. */
export function renderView(
  ui: ReactElement,
  { url, config = {} }: { url: string; config?: Record<string, unknown> },
) {
  const loaded = validateConfig({
    datasources: { prometheus: { url: PROMETHEUS_URL } },
    ...config,
  });
  if (!loaded.ok) throw new Error(`test config is invalid: ${JSON.stringify(loaded.problems)}`);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <ConfigContext.Provider value={loaded.config}>
      <DataSourcesContext.Provider value={createDataSources(loaded.config)}>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter initialEntries={[url]}>{ui}</MemoryRouter>
        </QueryClientProvider>
      </DataSourcesContext.Provider>
    </ConfigContext.Provider>,
  );
}

type Labels = Record<string, string>;

/** What the fake Prometheus answers for one query. */
export type PromAnswer =
  | { matrix: Array<{ labels: Labels; points: Array<[ms: number, value: number]> }> }
  | { vector: Array<{ labels: Labels; value: number }> }
  | { error: string; errorType: string; status: number };

const EMPTY: PromAnswer = { vector: [] };

function toResponse(answer: PromAnswer, kind: 'instant' | 'range', timeSec: number) {
  if ('error' in answer) {
    return HttpResponse.json(
      { status: 'error', errorType: answer.errorType, error: answer.error },
      { status: answer.status },
    );
  }
  if ('matrix' in answer) {
    const result = answer.matrix.map((s) => ({
      metric: s.labels,
      values: s.points.map(([ms, v]) => [ms / 1000, String(v)]),
    }));
    return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result } });
  }
  if (kind === 'range') {
    const result = answer.vector.map((s) => ({
      metric: s.labels,
      values: [[timeSec, String(s.value)]],
    }));
    return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result } });
  }
  const result = answer.vector.map((s) => ({
    metric: s.labels,
    value: [timeSec, String(s.value)],
  }));
  return HttpResponse.json({ status: 'success', data: { resultType: 'vector', result } });
}

/**
 * Handlers for `server.use` that answer /query and /query_range (POST or GET) by asking `answer`
 * about each PromQL expression; anything it does not recognise gets an empty result.
 */
export function prometheusAnswering(
  answer: (expr: string, kind: 'instant' | 'range') => PromAnswer | undefined,
) {
  const handle =
    (kind: 'instant' | 'range') =>
    async ({ request }: { request: Request }) => {
      const params =
        request.method === 'POST'
          ? new URLSearchParams(await request.text())
          : new URL(request.url).searchParams;
      const expr = params.get('query') ?? '';
      const timeSec = Number(params.get(kind === 'range' ? 'end' : 'time') ?? Date.now() / 1000);
      return toResponse(answer(expr, kind) ?? EMPTY, kind, timeSec);
    };
  return [
    http.all(`${PROMETHEUS_URL}/api/v1/query`, handle('instant')),
    http.all(`${PROMETHEUS_URL}/api/v1/query_range`, handle('range')),
  ];
}
