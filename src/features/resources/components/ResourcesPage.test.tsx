import { screen, within } from '@testing-library/react';
import { server } from '@/test/server';
import { prometheusAnswering, renderView, type PromAnswer } from '@/test/renderView';
import ResourcesPage from '../ResourcesPage';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const URL_1H = `/resources?from=${T0}&to=${T0 + 3_600_000}&tz=utc`;

const disks = [
  { labels: { instance: 'web-1:9100', mountpoint: '/' }, value: 0.41 },
  { labels: { instance: 'web-1:9100', mountpoint: '/data' }, value: 0.86 },
  { labels: { instance: 'web-2:9100', mountpoint: '/' }, value: 0.3 },
];

/** web-1's /data shrinks (full in 5 h); everything else is flat, so no other forecast comes back. */
function answer(expr: string): PromAnswer | undefined {
  if (expr.startsWith('1 - avg by (instance) (rate(node_cpu_seconds_total')) {
    return {
      vector: [
        { labels: { instance: 'web-1:9100' }, value: 0.93 },
        { labels: { instance: 'web-2:9100' }, value: 0.5 },
      ],
    };
  }
  if (expr.startsWith('1 - node_memory_MemAvailable_bytes')) {
    return {
      vector: [
        { labels: { instance: 'web-1:9100' }, value: 0.84 },
        { labels: { instance: 'web-2:9100' }, value: 0.35 },
      ],
    };
  }
  if (expr.startsWith('1 - node_filesystem_avail_bytes')) return { vector: disks };
  if (expr.startsWith('(node_filesystem_avail_bytes')) {
    return { vector: [{ labels: { instance: 'web-1:9100', mountpoint: '/data' }, value: 5 }] };
  }
  return undefined;
}

const panel = (title: string) => {
  const el = document.querySelector<HTMLElement>(`[data-panel="${title}"]`);
  if (!el) throw new Error(`no panel titled ${title}`);
  return el;
};

const cellTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('ResourcesPage', () => {
  it('forecasts a shrinking disk as "in 5 h" and flat disks and memory as "not within 7 d"', async () => {
    server.use(...prometheusAnswering(answer));
    renderView(<ResourcesPage />, { url: URL_1H });

    expect(screen.getByRole('heading', { level: 1, name: 'Resources' })).toBeInTheDocument();
    const forecast = await screen.findByTestId('resource-forecast');
    expect(cellTexts(forecast)).toEqual([
      ['web-1:9100', 'Disk /data', 'in 5 h'],
      ['web-1:9100', 'Disk /', 'not within 7 d'],
      ['web-1:9100', 'Memory', 'not within 7 d'],
      ['web-2:9100', 'Disk /', 'not within 7 d'],
      ['web-2:9100', 'Memory', 'not within 7 d'],
    ]);
  });

  it('summarises current CPU, memory and fullest disk per instance with threshold levels', async () => {
    server.use(...prometheusAnswering(answer));
    renderView(<ResourcesPage />, { url: URL_1H });

    const summary = await screen.findByTestId('saturation-summary');
    const [web1] = within(summary).getAllByRole('row').slice(1);
    if (!web1) throw new Error('no rows');
    expect(
      within(web1)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['web-1:9100', '93% (critical)', '84% (high)', '86% (high)/data']);
    expect(within(web1).getByText('93%', { exact: false })).toHaveAttribute(
      'data-level',
      'critical',
    );
    expect(within(web1).getByText('84%', { exact: false })).toHaveAttribute(
      'data-level',
      'warning',
    );
    expect(within(summary).getByText('35%', { exact: false })).toHaveAttribute('data-level', 'ok');
  });

  it("shows one panel's backend error with its message while the other panels render", async () => {
    server.use(
      ...prometheusAnswering((expr) =>
        expr.startsWith('sum by (instance) (rate(node_network_receive')
          ? {
              status: 422,
              errorType: 'execution',
              error: 'query processing would load too many samples into memory',
            }
          : answer(expr),
      ),
    );
    renderView(<ResourcesPage />, { url: URL_1H });

    const failed = panel('Network received');
    expect(
      await within(failed).findByText(/execution: query processing would load too many samples/),
    ).toBeInTheDocument();
    expect(
      await within(panel('CPU busy by instance')).findByTestId('timeseries'),
    ).toBeInTheDocument();
    expect(within(panel('CPU busy by instance')).queryByText('Query failed')).toBeNull();
    expect(await screen.findByTestId('resource-forecast')).toHaveTextContent('in 5 h');
  });
});
