import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { ConfigContext } from '@/config/ConfigContext';
import { validateConfig } from '@/config/loadConfig';
import { createLiveClient, type LiveClientOptions } from '@/datasources/live';
import { fakeTransports } from './fakeTransports';
import type { LiveSource } from '@/state/connectionStore';
import { ProvideLiveRuntime } from '@/query/live/LiveProvider';
import type { LiveRuntime } from '@/query/live/liveRuntime';

export const FAKE_GATEWAY = 'https://gateway.test';

/**
 * A real live client whose sockets the test plays by hand. Frames are published synchronously,
 * so a test sees the effect of each message at once (inside `act`).
 */
export function fakeLiveRuntime(overrides: LiveClientOptions = {}, source: LiveSource = 'gateway') {
  const transports = fakeTransports();
  const client = createLiveClient({
    baseUrl: FAKE_GATEWAY,
    wsImpl: transports.wsImpl,
    eventSourceImpl: transports.eventSourceImpl,
    fetchImpl: async () => new Response('{}', { status: 503 }),
    scheduleFrame: (callback) => {
      callback();
      return () => {};
    },
    visibility: null,
    lingerMs: 0,
    warn: () => {},
    ...overrides,
  });
  const runtime: LiveRuntime = { client, source, prometheus: null };
  return { runtime, client, transports };
}

/** Renders `ui` with config, a router at `url` and the given live runtime. */
export function renderWithLive(
  ui: ReactElement,
  runtime: LiveRuntime,
  { url = '/', config = {} }: { url?: string; config?: Record<string, unknown> } = {},
) {
  const loaded = validateConfig(config);
  if (!loaded.ok) throw new Error(`test config is invalid: ${JSON.stringify(loaded.problems)}`);
  return render(
    <ConfigContext.Provider value={loaded.config}>
      <ProvideLiveRuntime runtime={runtime}>
        <MemoryRouter initialEntries={[url]}>{ui}</MemoryRouter>
      </ProvideLiveRuntime>
    </ConfigContext.Provider>,
  );
}
