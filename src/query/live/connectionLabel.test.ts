import { INITIAL_CONNECTION_STATE, type ConnectionState } from '@/state/connectionStore';
import { connectionLabel } from './connectionLabel';

const NOW = 1_700_000_010_000;
const state = (overrides: Partial<ConnectionState>): ConnectionState => ({
  ...INITIAL_CONNECTION_STATE,
  source: 'gateway',
  ...overrides,
});

describe('connectionLabel', () => {
  it('names state, transport and the age of the last data', () => {
    const live = state({ status: 'live', transport: 'websocket', lastUpdate: NOW - 2_000 });
    expect(connectionLabel(live, NOW)).toBe('Live · WebSocket · 2 s ago');
    expect(connectionLabel({ ...live, transport: 'sse' }, NOW)).toBe('Live · SSE · 2 s ago');
    expect(
      connectionLabel(
        state({ status: 'polling', transport: 'polling', lastUpdate: NOW - 5_000 }),
        NOW,
      ),
    ).toBe('Polling · 5 s ago');
  });

  it('says where polled numbers come from when there is no gateway', () => {
    const polling = state({ source: 'prometheus', status: 'polling', lastUpdate: NOW - 500 });
    expect(connectionLabel(polling, NOW)).toBe('Polling Prometheus · just now');
  });

  it('describes interruptions and their reason', () => {
    expect(connectionLabel(state({ status: 'reconnecting' }), NOW)).toBe('Reconnecting…');
    expect(connectionLabel(state({ status: 'connecting' }), NOW)).toBe('Connecting…');
    expect(connectionLabel(state({ status: 'offline', error: 'HTTP 502' }), NOW)).toBe(
      'Offline: HTTP 502',
    );
    expect(connectionLabel(state({ status: 'offline', paused: true }), NOW)).toBe(
      'Paused while the page is hidden',
    );
    expect(connectionLabel(state({ source: null, status: 'offline' }), NOW)).toBe(
      'No live data source',
    );
  });

  it('leaves the age out without a clock', () => {
    const live = state({ status: 'live', transport: 'websocket', lastUpdate: NOW - 2_000 });
    expect(connectionLabel(live, null)).toBe('Live · WebSocket');
  });
});
