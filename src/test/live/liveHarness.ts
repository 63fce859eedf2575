import { WebSocket } from 'ws';
import {
  createLiveClient,
  type LiveClient,
  type LiveClientOptions,
} from '@/datasources/live/connection';
import type { ExecutionInput } from '@/datasources/live/schema';
import type { ExecutionStreamState } from '@/datasources/live/streamState';
import { createFetchEventSource } from './fetchEventSource';
import type { GatewayServer } from './gatewayServer';

/** Short intervals so fault scenarios play out in well under a second each. */
export const FAST_TIMINGS = {
  pingIntervalMs: 150,
  pongTimeoutMs: 150,
  connectTimeoutMs: 1_000,
  requestTimeoutMs: 1_000,
  backoff: { baseMs: 40, maxMs: 200, resetAfterMs: 5_000 },
  pollIntervalMs: 100,
  probeIntervalMs: 200,
  lingerMs: 0,
} satisfies LiveClientOptions;

/** A client wired to a real gateway server with Node stand-ins for the browser APIs. */
export function connectClient(
  server: GatewayServer,
  overrides: LiveClientOptions = {},
): { client: LiveClient; warn: (message: string) => void; warnings: string[] } {
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  const client = createLiveClient({
    baseUrl: server.url,
    wsImpl: WebSocket,
    eventSourceImpl: createFetchEventSource(),
    warn,
    ...FAST_TIMINGS,
    ...overrides,
  });
  return { client, warn, warnings };
}

/**
 * The client's steps must be exactly the server's: same ids, each once, same content — so a
 * lost or duplicated update shows up as a failure naming the step.
 */
export function stepsById(execution: ExecutionInput | ExecutionStreamState['execution']) {
  const steps = execution?.steps ?? [];
  const ids = steps.map((step) => step.id);
  if (new Set(ids).size !== ids.length) throw new Error(`duplicate step ids: ${ids.join(',')}`);
  return Object.fromEntries(steps.map((step) => [step.id, `${step.status}:${step.costUsd}`]));
}

/** Records every state a listener hears, for assertions about the path a stream took. */
export function recordStates<S>() {
  const states: S[] = [];
  return { states, listener: (state: S) => states.push(state) };
}
