// @vitest-environment jsdom
import { setupServer } from 'msw/node';
import { createLiveClient, type LiveClient } from '@/datasources/live/connection';
import { createGatewayRest } from '@/datasources/live/rest';
import { executionStream, METRICS_STREAM } from '@/datasources/live/streams';
import { createFetchEventSource } from '@/test/live/fetchEventSource';
import { gatewayUrls } from '@/datasources/live/urls';
import { FLAP_CYCLE_MS, setDemoFlapping, setDemoRefusingSockets } from './flapping';
import { createLiveHandlers } from './handlers';
import { createPlatform } from './platform';

// Shifted so the demo is at the start of a flapping cycle: the refusing phase, when switched on.
const offset = FLAP_CYCLE_MS - (Date.now() % FLAP_CYCLE_MS);
const now = () => Date.now() + offset;
const BASE = '/demo/gateway';

const SIMULATION = { seed: 42, spacingMs: 150, stepScale: 0.03 };
const server = setupServer(...createLiveHandlers({ base: BASE, now, tickMs: 100, ...SIMULATION }));
const urls = gatewayUrls(BASE, 'http://localhost:3000/');
let client: LiveClient | null = null;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  client?.close();
  client = null;
  setDemoFlapping(false);
  setDemoRefusingSockets(false);
});
afterAll(() => server.close());

function rest() {
  return createGatewayRest({
    urls,
    fetchImpl: (input, init) => fetch(input, init),
    timeoutMs: 2_000,
  });
}

/** The same simulated platform as the handlers' (timings do not depend on incidents). */
const platform = createPlatform({ ...SIMULATION, incidentAt: () => false });

/**
 * A started execution whose last step to run is still ahead, so a stream opened now sees it
 * pending (steps after a failure never run). Of those, the one that ends soonest: the test
 * waits for the end, and the latest-ending one can be 3 s away.
 * The simulation starts executions at its own pace, so there may be none at this instant:
 * waits (up to 5 s) for one rather than failing on timing.
 */
async function unfinishedExecution(): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const t = now();
    const candidates = platform
      .recent(t, 40)
      .filter((plan) => plan.ranSteps.at(-1)!.startAt > t + 800);
    const plan = candidates.sort((a, b) => a.endedAt - b.endedAt)[0];
    if (plan) return plan.id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no execution with a step far enough ahead');
}

function connect() {
  client = createLiveClient({
    baseUrl: BASE,
    eventSourceImpl: createFetchEventSource(),
    lingerMs: 0,
    probeIntervalMs: 60_000,
    warn: (message) => {
      throw new Error(`unexpected warning: ${message}`);
    },
  });
  return client;
}

describe('demo gateway REST', () => {
  it('serves an overview, recent executions and one execution that the client schemas accept', async () => {
    const api = rest();
    const overview = await api.overview();
    expect(overview.data.executions.total).toBeGreaterThan(0);
    const list = await api.executions({ limit: 5 });
    expect(list.data).toHaveLength(5);
    const first = list.data[0]!;
    const one = await api.execution(first.id);
    expect(one.data).toMatchObject({ id: first.id, workflow: first.workflow });
    expect(one.data.steps.length).toBeGreaterThan(0);
  });

  it('answers 404 with a message for an unknown execution', async () => {
    await expect(rest().execution('exec-999999999999')).rejects.toThrow(
      'The live gateway returned HTTP 404 Not Found: No execution exec-999999999999',
    );
  });

  it('serves trace summaries and each trace as OTLP/JSON', async () => {
    const traces = await rest().traces({ limit: 40 });
    expect(traces.data).toHaveLength(40);
    // Some seconds old, hence finished: its span count no longer changes.
    const summary = traces.data.at(-1)!;
    const response = await fetch(urls.trace(summary.traceId));
    const otlp = (await response.json()) as {
      resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ traceId: string }> }> }>;
    };
    const spans = otlp.resourceSpans[0]!.scopeSpans[0]!.spans;
    expect(spans.length).toBe(summary.spanCount);
    expect(spans.every((span) => span.traceId === summary.traceId)).toBe(true);
  });
});

describe('demo gateway streams', () => {
  it('pushes metric snapshots over the WebSocket', async () => {
    const live = connect();
    live.subscribe(METRICS_STREAM, () => {});
    const state = () => live.getSnapshot(METRICS_STREAM);
    await vi.waitFor(() => expect(state().history.length).toBeGreaterThanOrEqual(3), {
      timeout: 3_000,
    });
    expect(state()).toMatchObject({ status: 'live', transport: 'websocket', error: null });
    expect(state().stats).toMatchObject({ invalidMessages: 0, duplicatesIgnored: 0 });
  });

  it('plays an execution to its end, step by step, then closes the stream', async () => {
    const id = await unfinishedExecution();
    const live = connect();
    const stream = executionStream(id);
    const seen = new Set<string>();
    let pendingAtFirstSight: string[] | null = null;
    live.subscribe(stream, (update) => {
      const steps = update.execution?.steps ?? [];
      if (update.execution && !pendingAtFirstSight) {
        pendingAtFirstSight = steps.filter((s) => s.status === 'pending').map((s) => s.id);
      }
      for (const step of steps) seen.add(`${step.id}:${step.status}`);
    });
    const state = () => live.getSnapshot(stream);
    await vi.waitFor(() => expect(state().transport).toBe('websocket'));

    await vi.waitFor(() => expect(state().status).toBe('offline'), { timeout: 10_000 });
    const finished = state().execution!;
    expect(['succeeded', 'failed', 'cancelled']).toContain(finished.status);
    expect(state().error).toBeNull();
    const rested = (await rest().execution(id)).data;
    expect(finished.steps).toEqual(rested.steps);
    // Steps still pending when the stream began reached their final state through it.
    const watched: string[] = pendingAtFirstSight ?? [];
    expect(watched.length).toBeGreaterThan(0);
    for (const step of finished.steps.filter((s) => watched.includes(s.id))) {
      expect(step.status).not.toBe('pending');
      expect(seen).toContain(`${step.id}:${step.status}`);
    }
    expect(state().stats).toMatchObject({
      invalidMessages: 0,
      gapsResynced: 0,
      duplicatesIgnored: 0,
    });
  });

  it('while flapping refuses sockets, so metrics fall back to the SSE stream', async () => {
    setDemoFlapping(true);
    const live = connect();
    live.subscribe(METRICS_STREAM, () => {});
    const state = () => live.getSnapshot(METRICS_STREAM);
    await vi.waitFor(() => expect(state().transport).toBe('sse'), { timeout: 3_000 });
    const seq = state().seq ?? 0;
    await vi.waitFor(() => expect(state().seq).toBeGreaterThan(seq + 1), { timeout: 3_000 });
    expect(state().status).toBe('live');
  });

  it('while flapping, an execution stream polls the REST snapshot', async () => {
    const id = await unfinishedExecution();
    setDemoFlapping(true);
    const live = connect();
    const stream = executionStream(id);
    live.subscribe(stream, () => {});
    // Falling back takes a few refused attempts; on a loaded machine that can exceed 1 s.
    await vi.waitFor(() => expect(live.getSnapshot(stream).transport).toBe('polling'), {
      timeout: 5_000,
    });
    expect(live.getSnapshot(stream).execution?.id).toBe(id);
  });

  it('shows a finished execution once and stops polling it', async () => {
    const old = (await rest().executions({ limit: 40 })).data.at(-1)!;
    setDemoFlapping(true);
    const live = connect();
    const stream = executionStream(old.id);
    live.subscribe(stream, () => {});
    await vi.waitFor(() => expect(live.getSnapshot(stream).execution?.status).toBe(old.status), {
      timeout: 5_000,
    });
    expect(live.getSnapshot(stream)).toMatchObject({ status: 'offline', error: null });
  });

  it('while refusing sockets, cuts the open ones and refuses new ones until switched off', async () => {
    client = createLiveClient({
      baseUrl: BASE,
      eventSourceImpl: createFetchEventSource(),
      lingerMs: 0,
      probeIntervalMs: 200,
      warn: () => {},
    });
    client.subscribe(METRICS_STREAM, () => {});
    const state = () => client!.getSnapshot(METRICS_STREAM);
    await vi.waitFor(() => expect(state().transport).toBe('websocket'));

    setDemoRefusingSockets(true);
    await vi.waitFor(() => expect(state().transport).toBe('sse'), { timeout: 3_000 });

    setDemoRefusingSockets(false);
    await vi.waitFor(() => expect(state().transport).toBe('websocket'), { timeout: 3_000 });
  });
});
