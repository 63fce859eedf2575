import { INITIAL_CONNECTION_STATE, useConnectionStore } from '@/state/connectionStore';
import { metricsSnapshot } from '@/test/live/fixtures';
import { bindConnectionStore } from './connectionBridge';
import { fakeLiveRuntime } from '@/test/live/fakeLiveRuntime';

beforeEach(() => useConnectionStore.setState(INITIAL_CONNECTION_STATE));

describe('bindConnectionStore', () => {
  it('mirrors the metrics stream into the store until unbound', () => {
    const { client, transports } = fakeLiveRuntime();
    const unbind = bindConnectionStore(client, 'gateway');
    expect(useConnectionStore.getState()).toMatchObject({
      source: 'gateway',
      status: 'connecting',
    });

    transports.socket().open();
    transports
      .socket()
      .receive({ type: 'metrics.snapshot', seq: 1, ts: 1, data: metricsSnapshot() });
    const live = useConnectionStore.getState();
    expect(live).toMatchObject({ status: 'live', transport: 'websocket' });
    expect(live.lastUpdate).not.toBeNull();

    unbind();
    transports.socket().drop();
    expect(useConnectionStore.getState().status).toBe('live');
    client.close();
  });

  it('does not notify readers when nothing they show changed', () => {
    const { client, transports } = fakeLiveRuntime();
    bindConnectionStore(client, 'gateway');
    transports.socket().open();
    const listener = vi.fn();
    const unsubscribe = useConnectionStore.subscribe(listener);
    // A frame that only counts an invalid message changes nothing the store holds.
    transports.socket().receive('not json');
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();
    client.close();
  });
});
