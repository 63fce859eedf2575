import { screen, within } from '@testing-library/react';
import { server } from '@/test/server';
import { prometheusAnswering, renderView, type PromAnswer } from '@/test/renderView';
import ErrorsPage from '../ErrorsPage';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const STEP = 60_000;
const URL_1H = `/errors?from=${T0}&to=${T0 + 60 * STEP}&tz=utc`;

/** A noisy 2 % error ratio, one sample a minute, that jumps to 25–40 % for three minutes at 12:30. */
function ratioWithSpike(): Array<[number, number]> {
  const spike = [0.25, 0.4, 0.3];
  return Array.from({ length: 60 }, (_, i) => [
    T0 + i * STEP,
    spike[i - 30] ?? [0.02, 0.021, 0.019][i % 3] ?? 0,
  ]);
}

const isErrorRatio = (expr: string) =>
  expr.startsWith('sum(rate(aet_tasks_total{status=~"error|timeout"}');

function answer(expr: string): PromAnswer | undefined {
  if (isErrorRatio(expr)) return { matrix: [{ labels: {}, points: ratioWithSpike() }] };
  if (expr.startsWith('sum by (agent) (rate(aet_tasks_total')) {
    return {
      matrix: [
        {
          labels: { agent: 'planner' },
          points: [
            [T0, 0.1],
            [T0 + STEP, 0.2],
          ],
        },
      ],
    };
  }
  if (expr.startsWith('topk(10')) {
    return {
      vector: [
        { labels: { agent: 'coder', error_type: 'timeout' }, value: 7 },
        { labels: { agent: 'planner', error_type: 'rate_limit' }, value: 42 },
      ],
    };
  }
  return undefined;
}

const panel = (title: string) => {
  const el = document.querySelector<HTMLElement>(`[data-panel="${title}"]`);
  if (!el) throw new Error(`no panel titled ${title}`);
  return el;
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('ErrorsPage', () => {
  it('lists a spike in the error ratio with its start, peak, duration and recovery, and marks it on the chart', async () => {
    server.use(...prometheusAnswering(answer));
    renderView(<ErrorsPage />, { url: URL_1H });

    expect(screen.getByRole('heading', { level: 1, name: 'Errors' })).toBeInTheDocument();
    const spikes = await screen.findByTestId('error-spikes');
    expect(within(spikes).getByText('1 spike detected, all recovered')).toBeInTheDocument();
    const row = within(spikes).getAllByRole('row')[1];
    if (!row) throw new Error('spike table has no rows');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2026-01-01 12:30:00', '40%', '3 min', '3 min']);
    expect(within(panel('Error ratio')).getByText('Spike, peak 40%')).toBeInTheDocument();
  });

  it('says when a spike has not recovered by the end of the range', async () => {
    const points: Array<[number, number]> = Array.from({ length: 60 }, (_, i) => [
      T0 + i * STEP,
      i >= 57 ? 0.5 : 0.02,
    ]);
    server.use(
      ...prometheusAnswering((expr) =>
        isErrorRatio(expr) ? { matrix: [{ labels: {}, points }] } : undefined,
      ),
    );
    renderView(<ErrorsPage />, { url: URL_1H });

    const spikes = await screen.findByTestId('error-spikes');
    expect(within(spikes).getByText('1 spike detected, 1 not recovered')).toBeInTheDocument();
    expect(within(spikes).getByText('not recovered')).toBeInTheDocument();
    expect(within(spikes).getByText('3 min so far')).toBeInTheDocument();
  });

  it("shows one panel's backend error with its message while the other panels render", async () => {
    server.use(
      ...prometheusAnswering((expr) =>
        expr.startsWith('sum by (error_type) (increase(')
          ? {
              status: 400,
              errorType: 'bad_data',
              error: 'invalid parameter "query": 1:5: parse error',
            }
          : answer(expr),
      ),
    );
    renderView(<ErrorsPage />, { url: URL_1H });

    const failed = panel('Errors by type');
    expect(
      await within(failed).findByText(/bad_data: invalid parameter "query": 1:5: parse error/),
    ).toBeInTheDocument();
    expect(within(failed).getByText('Query failed')).toBeInTheDocument();

    const top = panel('Top errors');
    const rows = await within(top).findAllByRole('row');
    expect(
      rows.slice(1).map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['planner', 'rate_limit', '42'],
      ['coder', 'timeout', '7'],
    ]);
    expect(
      await within(panel('Failed tasks per second by agent')).findByTestId('timeseries'),
    ).toBeInTheDocument();
    expect(
      within(panel('Failed tasks per second by agent')).queryByText('Query failed'),
    ).toBeNull();
  });

  it('asks for a trace source when none is configured', async () => {
    server.use(...prometheusAnswering(() => undefined));
    renderView(<ErrorsPage />, { url: URL_1H });
    expect(screen.getByTestId('recent-error-spans')).toHaveTextContent(
      'Connect a trace source to see recent error spans',
    );
    expect(within(screen.getByTestId('recent-error-spans')).queryByRole('link')).toBeNull();
  });

  it('links to error spans in Traces, keeping the time range, when a trace source is configured', async () => {
    server.use(...prometheusAnswering(() => undefined));
    renderView(<ErrorsPage />, {
      url: URL_1H,
      config: {
        datasources: {
          prometheus: { url: 'http://localhost/demo/prometheus' },
          traces: { kind: 'jaeger', url: 'http://localhost/demo/jaeger' },
        },
      },
    });
    const box = screen.getByTestId('recent-error-spans');
    expect(box).toHaveTextContent('Recent error spans appear in Traces');
    expect(within(box).getByRole('link', { name: 'Open error spans in Traces' })).toHaveAttribute(
      'href',
      `/traces?tags=error%3Dtrue&from=${T0}&to=${T0 + 60 * STEP}&tz=utc`,
    );
  });
});
