import { act, screen, within } from '@testing-library/react';
import { metricsSnapshot } from '@/test/live/fixtures';
import type { PrometheusMetricsSource } from '@/query/live/prometheusMetricsSource';
import type { SnapshotField } from '@/query/live/prometheusSnapshot';
import { fakeLiveRuntime, renderWithLive } from '@/test/live/fakeLiveRuntime';
import { LiveNumbersPanel } from './LiveNumbersPanel';

let fake: ReturnType<typeof fakeLiveRuntime>;
beforeEach(() => {
  vi.useFakeTimers();
  fake = fakeLiveRuntime();
});
afterEach(() => {
  fake.client.close();
  vi.useRealTimers();
});

const figure = (field: string) =>
  document.querySelector<HTMLElement>(`[data-figure="${field}"] dd`)?.textContent;
const body = () => document.querySelector('[data-panel="Live numbers"] [data-stale]');

function snapshot(seq: number, overrides: Parameters<typeof metricsSnapshot>[0] = {}) {
  act(() =>
    fake.transports.socket().receive({
      type: 'metrics.snapshot',
      seq,
      ts: 1_700_000_000_000 + seq * 2_000,
      data: metricsSnapshot(overrides),
    }),
  );
}

describe('LiveNumbersPanel', () => {
  it('shows the live numbers, tokens and cost by model, with a sparkline of their history', () => {
    renderWithLive(<LiveNumbersPanel />, fake.runtime);
    expect(screen.getByLabelText('Loading')).toBeInTheDocument();
    act(() => fake.transports.socket().open());
    snapshot(1, { runningExecutions: 4 });
    expect(figure('runningExecutions')).toBe('4');
    expect(figure('executions5m')).toBe('17');
    expect(figure('failures1h')).toBe('3');
    expect(figure('failures24h')).toBe('66');
    expect(figure('successRate')).toBe('94.5%');
    expect(figure('avgExecutionMs')).toBe('18.4 s');
    expect(figure('resources.cpuPercent')).toBe('41%');
    const tokens = screen.getByRole('table');
    expect(within(tokens).getByRole('rowheader', { name: 'openai / gpt-4o' })).toBeInTheDocument();
    expect(within(tokens).getAllByText('$0.90')).toHaveLength(2);
    expect(screen.getByTestId('live-numbers-status')).toHaveTextContent('Live · WebSocket');
    expect(screen.queryAllByTestId('sparkline')).toHaveLength(0);

    snapshot(2, { runningExecutions: 6 });
    expect(figure('runningExecutions')).toBe('6');
    expect(screen.getAllByTestId('sparkline').length).toBeGreaterThan(0);
  });

  it('keeps the last numbers dimmed and marked stale while reconnecting', async () => {
    renderWithLive(<LiveNumbersPanel />, fake.runtime);
    act(() => fake.transports.socket().open());
    snapshot(1, { runningExecutions: 4 });
    act(() => fake.transports.socket().drop());
    expect(body()).toHaveAttribute('data-stale', 'true');
    expect(screen.getByTestId('stale-marker')).toHaveTextContent(/Stale since/);
    expect(figure('runningExecutions')).toBe('4');

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    act(() => fake.transports.socket().open());
    await act(() => vi.advanceTimersByTimeAsync(10));
    snapshot(2, { runningExecutions: 5 });
    expect(body()).toHaveAttribute('data-stale', 'false');
    expect(figure('runningExecutions')).toBe('5');
  });

  it('shows "–" for what a Prometheus-computed snapshot cannot know', () => {
    const missing: ReadonlySet<SnapshotField> = new Set([
      'resources.ioBytesPerSec',
      'cost:acme/house-model',
    ]);
    const prometheus: PrometheusMetricsSource = {
      fetch: () => Promise.reject(new Error('unused')),
      unavailable: () => missing,
      subscribe: () => () => {},
    };
    renderWithLive(<LiveNumbersPanel />, { ...fake.runtime, source: 'prometheus', prometheus });
    act(() => fake.transports.socket().open());
    snapshot(1, {
      tokens: [{ provider: 'acme', model: 'house-model', input: 10, output: 5, costUsd: 0 }],
    });
    expect(figure('resources.ioBytesPerSec')).toBe('–');
    expect(figure('resources.networkBytesPerSec')).not.toBe('–');
    const model = screen.getByRole('rowheader', { name: 'acme / house-model' }).closest('tr')!;
    expect(within(model).getAllByRole('cell').at(-1)).toHaveTextContent('–');
    expect(screen.getByTestId('live-numbers-status')).toHaveTextContent('computed from Prometheus');
  });

  it("shows the stream's error when it has no data at all", async () => {
    fake.client.close();
    fake = fakeLiveRuntime({ baseUrl: null });
    renderWithLive(<LiveNumbersPanel />, fake.runtime);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('alert')).toHaveTextContent(/no live gateway configured/);
  });
});
