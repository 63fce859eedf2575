import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Panel } from './Panel';

function wrap(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return { client, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Panel', () => {
  it('shows a skeleton, then the data', async () => {
    const d = deferred<number[]>();
    wrap(
      <Panel title="Requests" query={queryOptions({ queryKey: ['a'], queryFn: () => d.promise })}>
        {(data) => <p>{data.length} points</p>}
      </Panel>,
    );
    expect(screen.getByLabelText('Loading')).toBeInTheDocument();
    await act(async () => d.resolve([1, 2, 3]));
    expect(await screen.findByText('3 points')).toBeInTheDocument();
  });

  it('says how long it has waited when the data source is slow to answer', async () => {
    vi.useFakeTimers();
    try {
      const d = deferred<number[]>();
      wrap(
        <Panel title="Slow" query={queryOptions({ queryKey: ['slow'], queryFn: () => d.promise })}>
          {(data) => <p>{data.length} points</p>}
        </Panel>,
      );
      expect(screen.queryByText(/Still waiting/)).not.toBeInTheDocument();
      await act(async () => vi.advanceTimersByTimeAsync(6_000));
      expect(screen.getByLabelText('Loading')).toHaveTextContent(
        'Still waiting for the data source to answer (6 s so far).',
      );
      await act(async () => {
        d.resolve([1]);
        await vi.advanceTimersByTimeAsync(10);
      });
      expect(screen.getByText('1 points')).toBeInTheDocument();
      expect(screen.queryByText(/Still waiting/)).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the backend message when the first load fails, and retries', async () => {
    let calls = 0;
    wrap(
      <Panel
        title="Latency"
        query={queryOptions({
          queryKey: ['b'],
          queryFn: async () => {
            calls += 1;
            if (calls === 1) throw new Error('bad_data: 1:5: parse error: unexpected end of input');
            return 'ok';
          },
        })}
      >
        {(data) => <p>value {data}</p>}
      </Panel>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'bad_data: 1:5: parse error: unexpected end of input',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('value ok')).toBeInTheDocument();
  });

  it('says so explicitly when there is no data', async () => {
    wrap(
      <Panel
        title="Errors"
        query={queryOptions({ queryKey: ['c'], queryFn: async () => [] as number[] })}
        isEmpty={(d) => d.length === 0}
      >
        {() => <p>chart</p>}
      </Panel>,
    );
    expect(await screen.findByText('No data in this time range.')).toBeInTheDocument();
    expect(screen.queryByText('chart')).not.toBeInTheDocument();
  });

  it('keeps old data with an indicator while refetching, and warns when the refetch fails', async () => {
    const second = deferred<string>();
    let calls = 0;
    const { client } = wrap(
      <Panel
        title="Throughput"
        query={queryOptions({
          queryKey: ['d'],
          queryFn: () => (++calls === 1 ? Promise.resolve('first') : second.promise),
        })}
      >
        {(data) => <p>data {data}</p>}
      </Panel>,
    );
    expect(await screen.findByText('data first')).toBeInTheDocument();
    act(() => void client.invalidateQueries());
    expect(await screen.findByTitle('Refreshing')).toBeInTheDocument();
    expect(screen.getByText('data first')).toBeInTheDocument();
    await act(async () => second.reject(new Error('Prometheus did not answer within 30 s')));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Showing earlier data; the last refresh failed: Prometheus did not answer within 30 s',
    );
    expect(screen.getByText('data first')).toBeInTheDocument();
  });

  it('says how many series it shows when capped', async () => {
    wrap(
      <Panel
        title="By pod"
        query={queryOptions({ queryKey: ['e'], queryFn: async () => 120 })}
        seriesCount={(n) => ({ shown: 50, total: n })}
      >
        {() => <p>chart</p>}
      </Panel>,
    );
    expect(await screen.findByText('Showing 50 of 120 series')).toBeInTheDocument();
  });

  it('contains a rendering crash to the panel', async () => {
    const Boom = (): ReactNode => {
      throw new Error('cannot read property x of undefined');
    };
    const quiet = console.error;
    console.error = () => {};
    try {
      wrap(
        <>
          <Panel title="Broken" query={queryOptions({ queryKey: ['f'], queryFn: async () => 1 })}>
            {() => <Boom />}
          </Panel>
          <p>rest of the page</p>
        </>,
      );
      expect(await screen.findByText('This panel could not be drawn.')).toBeInTheDocument();
      expect(screen.getByText('cannot read property x of undefined')).toBeInTheDocument();
      expect(screen.getByText('rest of the page')).toBeInTheDocument();
    } finally {
      console.error = quiet;
    }
  });

  it('renders backend text as text, never as HTML', async () => {
    wrap(
      <Panel
        title="Hostile"
        query={queryOptions({
          queryKey: ['g'],
          queryFn: async (): Promise<string> => {
            throw new Error('<img src=x onerror="window.__pwned=1">');
          },
        })}
      >
        {(d) => <p>{d}</p>}
      </Panel>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '<img src=x onerror="window.__pwned=1">',
    );
    expect(document.querySelector('img')).toBeNull();
  });
});
