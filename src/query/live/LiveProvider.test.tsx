import { screen, waitFor } from '@testing-library/react';
import { ConnectionIndicator } from '@/components/controls/ConnectionIndicator';
import { INITIAL_CONNECTION_STATE, useConnectionStore } from '@/state/connectionStore';
import { renderView } from '@/test/renderView';
import { server } from '@/test/server';
import { LiveProvider } from './LiveProvider';

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
beforeEach(() => useConnectionStore.setState(INITIAL_CONNECTION_STATE));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const indicator = () => screen.getByTestId('connection-indicator');

describe('LiveProvider', () => {
  it('connects the metrics stream to the demo gateway over WebSocket', async () => {
    const view = renderView(
      <LiveProvider>
        <ConnectionIndicator />
      </LiveProvider>,
      {
        url: '/health',
        config: { datasources: { live: { url: 'http://localhost/demo/gateway' } } },
      },
    );
    await waitFor(() => expect(indicator()).toHaveAttribute('data-status', 'live'), {
      timeout: 5_000,
    });
    expect(indicator()).toHaveAttribute('data-transport', 'websocket');
    expect(indicator()).toHaveTextContent(/Live · WebSocket/);
    view.unmount();
  });

  it('polls Prometheus for the numbers when no gateway is configured', async () => {
    renderView(
      <LiveProvider>
        <ConnectionIndicator />
      </LiveProvider>,
      { url: '/health' },
    );
    await waitFor(() => expect(indicator()).toHaveAttribute('data-status', 'polling'), {
      timeout: 5_000,
    });
    expect(indicator()).toHaveAttribute('data-source', 'prometheus');
    expect(indicator()).toHaveTextContent(/Polling Prometheus/);
  });

  it('says so when there is nothing to read live numbers from', async () => {
    renderView(
      <LiveProvider>
        <ConnectionIndicator />
      </LiveProvider>,
      { url: '/health', config: { datasources: {} } },
    );
    await waitFor(() => expect(indicator()).toHaveTextContent('No live data source'));
  });
});
