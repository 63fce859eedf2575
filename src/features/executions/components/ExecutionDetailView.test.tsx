import { act, screen, within } from '@testing-library/react';
import { execution, step } from '@/test/live/fixtures';
import { fakeLiveRuntime, renderWithLive } from '@/test/live/fakeLiveRuntime';
import { ExecutionDetailView } from './ExecutionDetailView';

const T0 = Date.UTC(2026, 0, 1, 12);
let fake: ReturnType<typeof fakeLiveRuntime>;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0 + 10_000);
  fake = fakeLiveRuntime();
});
afterEach(() => {
  fake.client.close();
  vi.useRealTimers();
});

function open(id = 'run-1') {
  renderWithLive(<ExecutionDetailView executionId={id} />, fake.runtime, {
    url: `/executions/${id}`,
  });
  const socket = fake.transports.socket();
  act(() => socket.open());
  return socket;
}

let seq = 0;
function send(socket: ReturnType<typeof open>, type: string, data: unknown) {
  seq += 1;
  act(() => socket.receive({ type, seq, ts: Date.now(), data }));
}
beforeEach(() => {
  seq = 0;
});

const row = (id: string) => document.querySelector<HTMLElement>(`[data-step-id="${id}"]`);
const statusLine = () => screen.getByTestId('execution-live-status');

describe('ExecutionDetailView', () => {
  it('adds a step when it starts and updates it in place as it runs and ends', () => {
    const socket = open();
    send(
      socket,
      'execution.snapshot',
      execution('run-1', {
        startedAt: T0,
        workflow: 'code-change',
        steps: [step('s1', { name: 'Plan the work', status: 'pending', startedAt: null })],
      }),
    );
    expect(screen.getByText('code-change')).toBeInTheDocument();
    expect(screen.getByText(/No steps yet/)).toBeInTheDocument();
    expect(screen.getByTestId('steps-waiting')).toHaveTextContent(
      '1 more step has not started yet.',
    );
    expect(row('s1')).toBeNull();

    send(socket, 'execution.step', step('s1', { name: 'Plan the work', startedAt: T0 + 1_000 }));
    expect(row('s1')).toHaveAttribute('data-step-status', 'running');
    expect(within(row('s1')!).getByText('Plan the work')).toBeInTheDocument();

    send(
      socket,
      'execution.step',
      step('s1', {
        name: 'Plan the work',
        startedAt: T0 + 1_000,
        endedAt: T0 + 4_000,
        status: 'succeeded',
        tokens: { input: 1_200, output: 300 },
        costUsd: 0.0125,
      }),
    );
    const rows = document.querySelectorAll('[data-step-id]');
    expect(rows).toHaveLength(1);
    expect(row('s1')).toHaveAttribute('data-step-status', 'succeeded');
    expect(within(row('s1')!).getByText('3 s')).toBeInTheDocument();
    expect(within(row('s1')!).getByText('1.5K')).toBeInTheDocument();
    expect(screen.getByTestId('execution-cost')).toHaveTextContent('$0.0125');
  });

  it('lets a running step grow and the run duration tick', () => {
    const socket = open();
    send(
      socket,
      'execution.snapshot',
      execution('run-1', { startedAt: T0, steps: [step('s1', { startedAt: T0 + 8_000 })] }),
    );
    expect(within(row('s1')!).getByText('2 s')).toBeInTheDocument();
    expect(screen.getByTestId('execution-duration')).toHaveTextContent('10 s');
    act(() => vi.advanceTimersByTime(3_000));
    expect(within(row('s1')!).getByText('5 s')).toBeInTheDocument();
    expect(screen.getByTestId('execution-duration')).toHaveTextContent('13 s');
  });

  it("shows a failed step's error text", () => {
    const socket = open();
    send(
      socket,
      'execution.snapshot',
      execution('run-1', {
        startedAt: T0,
        endedAt: T0 + 3_000,
        status: 'failed',
        steps: [
          step('s1', {
            status: 'failed',
            startedAt: T0,
            endedAt: T0 + 3_000,
            error: 'RateLimitError: provider returned 429 after 3 retries',
          }),
        ],
      }),
    );
    expect(within(row('s1')!).getByTestId('step-error')).toHaveTextContent(
      'RateLimitError: provider returned 429 after 3 retries',
    );
  });

  it('highlights the slowest step and says why', () => {
    const socket = open();
    send(
      socket,
      'execution.snapshot',
      execution('run-1', {
        startedAt: T0,
        endedAt: T0 + 10_000,
        status: 'succeeded',
        steps: [
          step('s1', { name: 'Plan', status: 'succeeded', startedAt: T0, endedAt: T0 + 2_000 }),
          step('s2', {
            name: 'Write',
            status: 'succeeded',
            startedAt: T0 + 2_000,
            endedAt: T0 + 6_200,
          }),
          step('s3', {
            name: 'Review',
            status: 'succeeded',
            startedAt: T0 + 6_200,
            endedAt: T0 + 10_000,
          }),
        ],
      }),
    );
    expect(row('s2')).toHaveAttribute('data-bottleneck', 'true');
    expect(row('s1')).not.toHaveAttribute('data-bottleneck');
    expect(within(row('s2')!).getByText('Bottleneck: slowest step, 42 % of the run')).toBeVisible();
    expect(screen.getByTestId('bottleneck-summary')).toHaveTextContent(
      'Write (4.2 s): slowest step, 42 % of the run',
    );
  });

  it('keeps the run on screen, marked stale, while reconnecting, until fresh data arrives', async () => {
    const socket = open();
    send(socket, 'execution.snapshot', execution('run-1', { startedAt: T0, steps: [step('s1')] }));
    expect(statusLine()).toHaveTextContent('Live · WebSocket');
    expect(screen.getByRole('region', { name: 'Run' })).toHaveAttribute('data-stale', 'false');

    act(() => socket.drop(1006, 'network lost'));
    expect(statusLine()).toHaveTextContent('Reconnecting…');
    expect(screen.getByRole('region', { name: 'Run' })).toHaveAttribute('data-stale', 'true');
    expect(screen.getByTestId('stale-marker')).toHaveTextContent(/Stale since \d\d:\d\d:\d\d/);
    expect(row('s1')).toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    const again = fake.transports.socket();
    act(() => again.open());
    expect(screen.getByRole('region', { name: 'Run' })).toHaveAttribute('data-stale', 'true');
    send(
      again,
      'execution.snapshot',
      execution('run-1', { startedAt: T0, steps: [step('s1'), step('s2')] }),
    );
    expect(screen.getByRole('region', { name: 'Run' })).toHaveAttribute('data-stale', 'false');
    expect(screen.queryByTestId('stale-marker')).not.toBeInTheDocument();
    expect(document.querySelectorAll('[data-step-id]')).toHaveLength(2);
  });

  it('says when a finished run will get no more updates', () => {
    const socket = open();
    send(
      socket,
      'execution.snapshot',
      execution('run-1', { startedAt: T0, endedAt: T0 + 1_000, status: 'succeeded' }),
    );
    act(() => socket.drop(1000, 'execution finished'));
    expect(statusLine()).toHaveTextContent('Finished · no more updates');
    expect(screen.getByRole('region', { name: 'Run' })).toHaveAttribute('data-stale', 'false');
  });

  it("shows the gateway's message when the run cannot be loaded", async () => {
    fake.client.close();
    fake = fakeLiveRuntime({
      fetchImpl: async () =>
        Response.json({ code: 'not_found', message: 'No execution run-404' }, { status: 404 }),
    });
    renderWithLive(<ExecutionDetailView executionId="run-404" />, fake.runtime);
    await act(async () => fake.transports.socket().refuse());
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(screen.getByRole('alert')).toHaveTextContent('No execution run-404');
  });
});
