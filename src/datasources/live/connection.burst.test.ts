// @vitest-environment node
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { LiveClient } from './connection';
import type { StepStatus } from './schema';
import { FRAME_FALLBACK_MS } from './runtime';
import { executionStream } from './streams';
import { execution, step } from '@/test/live/fixtures';
import { startGatewayServer, type GatewayServer } from '@/test/live/gatewayServer';
import { connectClient, stepsById } from '@/test/live/liveHarness';

const RUN = 'burst';
const TOTAL_MESSAGES = 10_000;
const STEP_COUNT = 200;
// 1,000 msg/s for 10 s played five times faster: 50 messages every 10 ms of real time.
const BATCH = 50;
const BATCH_EVERY_MS = 10;
const STATUSES: StepStatus[] = ['pending', 'running', 'succeeded', 'failed', 'skipped'];

let server: GatewayServer;
let client: LiveClient | null = null;

beforeEach(async () => {
  server = await startGatewayServer();
});

afterEach(async () => {
  client?.close();
  await server.stop();
});

function sendBurst(): Promise<void> {
  let sent = 0;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      for (let i = 0; i < BATCH && sent < TOTAL_MESSAGES; i += 1, sent += 1) {
        server.upsertStep(
          RUN,
          step(`s${sent % STEP_COUNT}`, {
            startedAt: 1_700_000_000_000 + (sent % STEP_COUNT),
            status: STATUSES[sent % STATUSES.length],
            costUsd: sent / 1e4,
          }),
        );
      }
      if (sent >= TOTAL_MESSAGES) {
        clearInterval(timer);
        resolve();
      }
    }, BATCH_EVERY_MS);
  });
}

it(
  'applies every message of a 10k burst over a real socket and notifies at most once a frame',
  { timeout: 15_000 },
  async () => {
    server.createExecution(execution(RUN));
    const connected = connectClient(server, { pingIntervalMs: 1_000, pongTimeoutMs: 1_000 });
    client = connected.client;
    const state = () => connected.client.getSnapshot(executionStream(RUN));
    let notifications = 0;
    client.subscribe(executionStream(RUN), () => (notifications += 1));
    await expect.poll(() => state().transport).toBe('websocket');

    notifications = 0;
    const started = performance.now();
    await sendBurst();
    await expect.poll(() => state().seq, { timeout: 5_000 }).toBe(TOTAL_MESSAGES);
    const elapsedMs = performance.now() - started;

    expect(server.executionSeq(RUN)).toBe(TOTAL_MESSAGES);
    expect(stepsById(state().execution)).toEqual(stepsById(server.execution(RUN)));
    expect(state().execution?.steps).toHaveLength(STEP_COUNT);
    expect(state().stats).toEqual({
      invalidMessages: 0,
      gapsResynced: 0,
      duplicatesIgnored: 0,
      reconnects: 0,
    });
    // One notification per frame at most, however many messages the frame carried.
    expect(notifications).toBeGreaterThan(0);
    expect(notifications).toBeLessThanOrEqual(Math.ceil(elapsedMs / FRAME_FALLBACK_MS) + 1);
    expect(notifications).toBeLessThan(TOTAL_MESSAGES / 10);
  },
);
