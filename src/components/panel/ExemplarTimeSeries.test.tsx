import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROMETHEUS_URL, prometheusAnswering, renderView } from '@/test/renderView';
import { server } from '@/test/server';
import { PresetPanel } from './PresetPanel';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const now = Date.now();
const latency = prometheusAnswering((expr) =>
  expr.includes('aet_agent_response_seconds_bucket')
    ? {
        matrix: [
          {
            labels: { operation: 'plan' },
            points: [
              [now - 60_000, 1.2],
              [now, 1.4],
            ],
          },
        ],
      }
    : undefined,
);

describe('a latency panel with exemplars', () => {
  it('asks Prometheus for the exemplars of exactly the query it drew', async () => {
    const asked: string[] = [];
    server.use(
      ...latency,
      http.all(`${PROMETHEUS_URL}/api/v1/query_exemplars`, async ({ request }) => {
        const params =
          request.method === 'POST'
            ? new URLSearchParams(await request.text())
            : new URL(request.url).searchParams;
        asked.push(params.get('query') ?? '');
        return HttpResponse.json({ status: 'success', data: [] });
      }),
    );
    renderView(<PresetPanel id="agents.operation-p95" />, { url: '/agents?var-agent=planner' });
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]).toContain('aet_agent_response_seconds_bucket{agent=~"(planner)"}');
    expect(screen.queryByText(/Exemplars could not be loaded/)).toBeNull();
  });

  it('keeps the chart and says so in words when the exemplars cannot be read', async () => {
    server.use(
      ...latency,
      http.all(`${PROMETHEUS_URL}/api/v1/query_exemplars`, () =>
        HttpResponse.json(
          { status: 'error', errorType: 'execution', error: 'exemplar storage is on fire' },
          { status: 500 },
        ),
      ),
    );
    renderView(<PresetPanel id="agents.operation-p95" />, { url: '/agents' });
    expect(
      await screen.findByText(/Exemplars could not be loaded: .*exemplar storage is on fire/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('timeseries')).toBeInTheDocument();
  });
});
