// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveClient } from './connection';
import type { ExecutionStreamState, MetricsStreamState } from './streamState';
import { executionStream, METRICS_STREAM } from './streams';
import { execution, metricsSnapshot, step } from '@/test/live/fixtures';
import { startGatewayServer, type GatewayServer } from '@/test/live/gatewayServer';
import { connectClient, recordStates, stepsById } from '@/test/live/liveHarness';

const RUN = 'run-1';
const T0 = 1_700_000_000_000;

let server: GatewayServer;
let client: LiveClient | null = null;

beforeEach(async () => {
  server = await startGatewayServer();
});

afterEach(async () => {
  client?.close();
  client = null;
  await server.stop();
});

function watchExecution(overrides = {}) {
  const connected = connectClient(server, overrides);
  client = connected.client;
  const recorded = recordStates<ExecutionStreamState>();
  client.subscribe(executionStream(RUN), recorded.listener);
  const state = () => connected.client.getSnapshot(executionStream(RUN));
  return { ...connected, ...recorded, state };
}

function addSteps(from: number, to: number, options?: { deliver?: boolean }) {
  for (let i = from; i <= to; i += 1) {
    server.upsertStep(RUN, step(`s${i}`, { startedAt: T0 + i, costUsd: i / 1000 }), options);
  }
}

async function untilLiveOverWebSocket(state: () => ExecutionStreamState) {
  await expect.poll(() => [state().status, state().transport]).toEqual(['live', 'websocket']);
}

describe('live client against a real gateway: faults', () => {
  it('survives a gateway restart mid-run without losing or duplicating steps', async () => {
    server.createExecution(execution(RUN));
    const { state, states } = watchExecution();
    await untilLiveOverWebSocket(state);
    addSteps(1, 5);
    await expect.poll(() => state().execution?.steps.length).toBe(5);

    await server.stop();
    addSteps(6, 8); // produced while the gateway is down: nobody hears them
    await expect.poll(() => state().status).not.toBe('live');
    await server.start();
    await untilLiveOverWebSocket(state);
    addSteps(9, 10);

    await expect.poll(() => stepsById(state().execution)).toEqual(stepsById(server.execution(RUN)));
    expect(state().execution?.steps.map((s) => s.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `s${i + 1}`),
    );
    expect(state().stats.reconnects).toBeGreaterThanOrEqual(1);
    expect(states.some((s) => s.status === 'polling' || s.status === 'offline')).toBe(true);
  });

  it('rebases on a restarted gateway whose seq counter began again', async () => {
    server.createExecution(execution(RUN));
    const { state } = watchExecution();
    await untilLiveOverWebSocket(state);
    addSteps(1, 6);
    await expect.poll(() => state().seq).toBe(6);

    await server.restart({ resetSeq: true });
    await expect.poll(() => state().seq).toBe(0);
    addSteps(7, 8); // seq 1 and 2 on the new counter: must not be mistaken for duplicates

    await expect.poll(() => stepsById(state().execution)).toEqual(stepsById(server.execution(RUN)));
    expect(state().execution?.steps).toHaveLength(8);
    expect(state().stats.duplicatesIgnored).toBe(0);
  });

  it('reconnects after an abrupt close and keeps applying updates', async () => {
    server.createExecution(execution(RUN));
    // The longest backoff the jitter allows, so the reconnecting state outlives a frame.
    const slowRetry = {
      random: () => 0.99,
      backoff: { baseMs: 200, maxMs: 400, resetAfterMs: 5_000 },
    };
    const { state, states } = watchExecution(slowRetry);
    await untilLiveOverWebSocket(state);
    addSteps(1, 3);
    await expect.poll(() => state().execution?.steps.length).toBe(3);

    server.terminateSockets();
    await expect.poll(() => state().stats.reconnects).toBe(1);
    await untilLiveOverWebSocket(state);
    addSteps(4, 6);
    server.upsertStep(RUN, step('s2', { status: 'succeeded', endedAt: T0 + 50, costUsd: 0.5 }));

    await expect.poll(() => stepsById(state().execution)).toEqual(stepsById(server.execution(RUN)));
    expect(state().execution?.steps).toHaveLength(6);
    expect(states.some((s) => s.status === 'reconnecting' && s.transport === null)).toBe(true);
    expect(state().transport).toBe('websocket');
    expect(server.wsConnectionsAccepted).toBe(2);
  });

  it('counts and drops garbage frames, warning once per reason, and the stream goes on', async () => {
    server.createExecution(execution(RUN));
    const { state, warnings } = watchExecution();
    await untilLiveOverWebSocket(state);
    addSteps(1, 2);

    server.sendRaw(`execution:${RUN}`, 'this is not json');
    server.sendRaw(`execution:${RUN}`, '{"truncated":');
    server.send(`execution:${RUN}`, { type: 'execution.step', seq: 'three', ts: 1, data: {} });
    server.send(`execution:${RUN}`, { type: 'metrics.snapshot', seq: 3, ts: 1, data: {} });
    const padding = 'x'.repeat(1024 * 1024);
    server.sendRaw(`execution:${RUN}`, JSON.stringify({ type: 'execution.step', padding }));
    addSteps(3, 4);

    await expect.poll(() => state().execution?.steps.length).toBe(4);
    expect(state().stats.invalidMessages).toBe(5);
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toMatch(/not-json/);
    expect(warnings.join('\n')).toMatch(/schema/);
    expect(warnings.join('\n')).toMatch(/oversized/);
    expect(state().status).toBe('live');
    expect(state().stats.reconnects).toBe(0);
    expect(stepsById(state().execution)).toEqual(stepsById(server.execution(RUN)));
  });

  it('resyncs from the REST snapshot on a seq gap and ignores duplicates', async () => {
    server.createExecution(execution(RUN));
    const { state } = watchExecution();
    await untilLiveOverWebSocket(state);
    addSteps(1, 2);
    await expect.poll(() => state().seq).toBe(2);
    const restBefore = server.restRequests;

    addSteps(3, 4, { deliver: false }); // lost in transit
    addSteps(5, 6);

    await expect.poll(() => state().execution?.steps.length).toBe(6);
    expect(stepsById(state().execution)).toEqual(stepsById(server.execution(RUN)));
    expect(state().stats.gapsResynced).toBe(1);

    server.send(`execution:${RUN}`, {
      type: 'execution.step',
      seq: 1,
      ts: T0,
      data: step('s1', { status: 'failed', error: 'stale replay' }),
    });
    await expect.poll(() => state().stats.duplicatesIgnored).toBe(1);
    expect(server.restRequests).toBeGreaterThan(restBefore);
    expect(state().execution?.steps[0]?.status).toBe('running');
    expect(state().seq).toBe(6);
  });

  it('declares a socket that stops answering pings dead and reconnects', async () => {
    server.createExecution(execution(RUN));
    const { state, states } = watchExecution({
      fallbackAfterAttempts: 10,
      random: () => 0.99,
      backoff: { baseMs: 200, maxMs: 400, resetAfterMs: 5_000 },
    });
    await untilLiveOverWebSocket(state);
    server.respondToPing = false;

    await expect.poll(() => server.wsConnectionsAccepted, { timeout: 3_000 }).toBeGreaterThan(1);
    expect(states.some((s) => /no pong within 150 ms/.test(s.error ?? ''))).toBe(true);
    server.respondToPing = true;
    await expect.poll(() => state().stats.reconnects).toBeGreaterThanOrEqual(1);
    await untilLiveOverWebSocket(state);
    addSteps(1, 2);
    await expect.poll(() => stepsById(state().execution)).toEqual(stepsById(server.execution(RUN)));
  });
});

describe('live client against a real gateway: fallback ladder', () => {
  it('falls back to SSE when the WebSocket is refused, then climbs back', async () => {
    server.publishMetrics(metricsSnapshot({ activeSteps: 1 }));
    server.refuseWebSocket = true;
    const connected = connectClient(server);
    client = connected.client;
    client.subscribe(METRICS_STREAM, () => {});
    const state = () => connected.client.getSnapshot(METRICS_STREAM);

    await expect.poll(() => [state().status, state().transport]).toEqual(['live', 'sse']);
    server.publishMetrics(metricsSnapshot({ activeSteps: 2 }));
    await expect.poll(() => state().snapshot?.activeSteps).toBe(2);

    server.refuseWebSocket = false;
    await expect.poll(() => [state().status, state().transport]).toEqual(['live', 'websocket']);
    server.publishMetrics(metricsSnapshot({ activeSteps: 3 }));
    await expect.poll(() => state().snapshot?.activeSteps).toBe(3);
    expect(state().history.map((sample) => sample.data.activeSteps)).toContain(2);
    expect(state().error).toBeNull();
  });

  it('polls the overview when neither WebSocket nor SSE is available', async () => {
    server.publishMetrics(metricsSnapshot({ executions5m: 1 }));
    server.refuseWebSocket = true;
    server.refuseEvents = true;
    const connected = connectClient(server);
    client = connected.client;
    client.subscribe(METRICS_STREAM, () => {});
    const state = () => connected.client.getSnapshot(METRICS_STREAM);

    await expect.poll(() => [state().status, state().transport]).toEqual(['polling', 'polling']);
    server.publishMetrics(metricsSnapshot({ executions5m: 9 }));
    await expect.poll(() => state().snapshot?.executions5m).toBe(9);

    server.refuseWebSocket = false;
    await expect.poll(() => state().transport).toBe('websocket');
    expect(state().status).toBe('live');
  });

  it('polls an execution (it has no SSE) and returns to the WebSocket', async () => {
    server.createExecution(execution(RUN));
    server.refuseWebSocket = true;
    const { state } = watchExecution();

    await expect.poll(() => [state().status, state().transport]).toEqual(['polling', 'polling']);
    addSteps(1, 3);
    await expect.poll(() => state().execution?.steps.length).toBe(3);

    server.refuseWebSocket = false;
    await untilLiveOverWebSocket(state);
    addSteps(4, 5);
    await expect.poll(() => stepsById(state().execution)).toEqual(stepsById(server.execution(RUN)));
  });

  it('reports offline with the cause while even polling fails, and recovers', async () => {
    server.createExecution(execution(RUN));
    server.refuseWebSocket = true;
    server.failRest = true;
    const { state } = watchExecution();

    await expect.poll(() => state().status).toBe('offline');
    expect(state().error).toBe(
      'The live gateway returned HTTP 503 Service Unavailable: gateway is starting',
    );
    server.failRest = false;
    await expect.poll(() => state().status).toBe('polling');
    expect(state().error).toBeNull();
  });

  it('stops once a finished execution closes its socket', async () => {
    server.createExecution(execution(RUN));
    const { state } = watchExecution();
    await untilLiveOverWebSocket(state);
    addSteps(1, 1);
    server.setExecutionStatus(RUN, 'succeeded', T0 + 100);
    await expect.poll(() => state().execution?.status).toBe('succeeded');

    const accepted = server.wsConnectionsAccepted;
    server.terminateSockets();
    await expect.poll(() => state().status).toBe('offline');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.wsConnectionsAccepted).toBe(accepted);
    expect(state().error).toBeNull();
    expect(state().execution?.endedAt).toBe(T0 + 100);
  });
});

describe('live client against a real gateway: sharing', () => {
  it('serves every subscriber of a stream from one socket, closed when the last one leaves', async () => {
    server.publishMetrics(metricsSnapshot({ activeSteps: 4 }));
    const connected = connectClient(server);
    client = connected.client;
    const first = recordStates<MetricsStreamState>();
    const second = recordStates<MetricsStreamState>();
    const leaveFirst = client.subscribe(METRICS_STREAM, first.listener);
    const leaveSecond = client.subscribe(METRICS_STREAM, second.listener);

    await expect.poll(() => second.states.at(-1)?.snapshot?.activeSteps).toBe(4);
    expect(first.states.at(-1)).toBe(second.states.at(-1));
    expect(server.wsConnectionsAccepted).toBe(1);

    leaveFirst();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.openSockets).toBe(1);
    leaveSecond();
    await expect.poll(() => server.openSockets).toBe(0);
  });
});
