import { act, render, screen } from '@testing-library/react';
import {
  INITIAL_CONNECTION_STATE,
  useConnectionStore,
  type ConnectionState,
} from '@/state/connectionStore';
import { ConnectionIndicator } from './ConnectionIndicator';

const NOW = Date.UTC(2026, 0, 1, 12);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
  useConnectionStore.setState(INITIAL_CONNECTION_STATE);
});
afterEach(() => vi.useRealTimers());

function show(state: Partial<ConnectionState>) {
  act(() => useConnectionStore.setState({ source: 'gateway', ...state }));
}

describe('ConnectionIndicator', () => {
  it('shows state, transport and the age of the last update, and keeps the age current', () => {
    render(<ConnectionIndicator />);
    show({ status: 'live', transport: 'websocket', lastUpdate: NOW - 2_000 });
    const indicator = screen.getByTestId('connection-indicator');
    expect(indicator).toHaveAttribute('data-status', 'live');
    expect(indicator).toHaveAttribute('data-transport', 'websocket');
    expect(indicator).toHaveTextContent('Live · WebSocket · 2 s ago');
    act(() => vi.advanceTimersByTime(3_000));
    expect(indicator).toHaveTextContent('Live · WebSocket · 5 s ago');
    // Screen readers hear the state, not every tick of the age.
    expect(screen.getByRole('status')).toHaveTextContent(/^Live · WebSocket$/);
  });

  it.each([
    [{ status: 'polling', transport: 'polling', lastUpdate: NOW - 5_000 }, 'Polling · 5 s ago'],
    [{ status: 'live', transport: 'sse', lastUpdate: NOW }, 'Live · SSE · just now'],
    [{ status: 'reconnecting', transport: null }, 'Reconnecting…'],
    [
      { status: 'offline', transport: null, error: 'HTTP 502 from the live gateway' },
      'Offline: HTTP 502 from the live gateway',
    ],
  ] as const)('describes %o as "%s"', (state, text) => {
    render(<ConnectionIndicator />);
    show(state);
    const indicator = screen.getByTestId('connection-indicator');
    expect(indicator).toHaveAttribute('data-status', state.status);
    expect(indicator).toHaveAttribute('data-transport', state.transport ?? 'none');
    expect(indicator).toHaveTextContent(text);
  });
});
