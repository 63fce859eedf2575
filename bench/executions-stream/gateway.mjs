// A minimal observability gateway for the executions benchmark: one workflow run whose steps
// are updated `rate` times a second over a real WebSocket (`ws`), plus the REST snapshots the
// client reads on connect and resync. Messages follow docs/live-protocol.md.
import { WebSocketServer } from 'ws';

export const API = '/gw/api/v1/observability';
export const RUN_ID = 'bench-run';

const TICK_MS = 10;
/** A step finishes after this many updates, then starts again (a retried or looping step). */
const UPDATES_PER_ATTEMPT = 40;
const FAILURE_EVERY = 17;

function metricsSnapshot(steps) {
  const running = steps.filter((step) => step.status === 'running').length;
  return {
    agents: { total: 6, active: 6 },
    workflows: { total: 1, active: 1 },
    executions: { total: 1, running: 1, completed: 0, failed: 0 },
    successRate: 1,
    avgExecutionMs: 0,
    failures24h: 0,
    failures1h: 0,
    runningExecutions: 1,
    executions5m: 1,
    activeSteps: running,
    systemLoad: 1,
    resources: { cpuPercent: 50, memoryPercent: 50, ioBytesPerSec: 0, networkBytesPerSec: 0 },
    tokens: [],
  };
}

/**
 * The run's state and the stream that changes it. Every update rewrites one step (round robin):
 * running with more tokens, then succeeded (or, now and then, failed with an error), then running
 * again as a new attempt — so the step count stays fixed while every kind of change keeps coming.
 */
export function createRun({ steps: stepCount, now = Date.now }) {
  const startedAt = now();
  const steps = Array.from({ length: stepCount }, (_, i) => ({
    id: `step-${String(i + 1).padStart(3, '0')}`,
    name: `Bench step ${i + 1}`,
    agent: ['planner', 'researcher', 'coder', 'reviewer', 'summarizer', 'support-bot'][i % 6],
    status: 'pending',
    startedAt: null,
    endedAt: null,
    tokens: { input: 0, output: 0 },
    costUsd: 0,
    error: null,
  }));
  const updates = new Array(stepCount).fill(0);
  let seq = 0;
  let cursor = 0;

  function advance() {
    const i = cursor;
    cursor = (cursor + 1) % stepCount;
    const step = steps[i];
    const n = (updates[i] += 1);
    const t = now();
    const attempt = Math.floor(n / UPDATES_PER_ATTEMPT);
    let next;
    if (step.status === 'pending' || step.status === 'succeeded' || step.status === 'failed') {
      next = { ...step, status: 'running', startedAt: t, endedAt: null, error: null };
    } else if (n % UPDATES_PER_ATTEMPT === 0) {
      const failed = (attempt + i) % FAILURE_EVERY === 0;
      next = {
        ...step,
        status: failed ? 'failed' : 'succeeded',
        endedAt: t,
        error: failed ? `ToolExecutionError: attempt ${attempt} exited with status 1` : null,
      };
    } else {
      const input = step.tokens.input + 120;
      const output = step.tokens.output + 30;
      next = {
        ...step,
        tokens: { input, output },
        costUsd: Math.round(((input * 2.5 + output * 10) / 1e6) * 1e6) / 1e6,
      };
    }
    steps[i] = next;
    seq += 1;
    return { type: 'execution.step', seq, ts: t, data: next };
  }

  return {
    get seq() {
      return seq;
    },
    steps,
    advance,
    execution: () => ({
      id: RUN_ID,
      workflow: 'bench-workflow',
      status: 'running',
      startedAt,
      endedAt: null,
      steps,
    }),
  };
}

function json(res, body, status = 200) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * Adds the gateway to an http server. `handle(req, res)` answers the REST paths (false for any
 * other path); `start()` begins pushing; `stop()` ends the stream; `run` is the live state.
 */
export function attachGateway(server, { rate, steps }) {
  const run = createRun({ steps });
  // Every step has started before the page opens, so even a run with no traffic shows them all.
  for (let i = 0; i < steps; i += 1) run.advance();
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set();
  let timer = null;
  let sent = 0;

  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (!path.startsWith(`${API}/ws/`)) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      const isRun = path === `${API}/ws/executions/${RUN_ID}`;
      ws.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.type === 'ping') {
          ws.send(JSON.stringify({ type: 'pong', ts: Date.now(), data: { ts: message.data.ts } }));
        }
      });
      if (isRun) {
        ws.send(
          JSON.stringify({
            type: 'execution.snapshot',
            seq: run.seq,
            ts: Date.now(),
            data: run.execution(),
          }),
        );
        sockets.add(ws);
        ws.on('close', () => sockets.delete(ws));
      } else {
        ws.send(
          JSON.stringify({
            type: 'metrics.snapshot',
            seq: 1,
            ts: Date.now(),
            data: metricsSnapshot(run.steps),
          }),
        );
      }
    });
  });

  function tick() {
    const perTick = (rate * TICK_MS) / 1000;
    // Catch up on late timers so the rate holds on a busy machine.
    const due = Math.floor(((performance.now() - startedAt) * rate) / 1000) - sent;
    const count = Math.max(0, Math.min(due, perTick * 10));
    for (let k = 0; k < count; k += 1) {
      const frame = JSON.stringify(run.advance());
      for (const ws of sockets) ws.send(frame);
      sent += 1;
    }
  }
  let startedAt = 0;

  return {
    run,
    get sent() {
      return sent;
    },
    get clients() {
      return sockets.size;
    },
    start() {
      startedAt = performance.now();
      sent = 0;
      timer = setInterval(tick, TICK_MS);
    },
    stop() {
      clearInterval(timer);
      timer = null;
    },
    close() {
      this.stop();
      for (const ws of sockets) ws.terminate();
      wss.close();
    },
    handle(req, res) {
      const path = new URL(req.url, 'http://x').pathname;
      if (!path.startsWith(API)) return false;
      const rest = path.slice(API.length);
      if (rest === '/overview')
        json(res, { seq: 1, ts: Date.now(), data: metricsSnapshot(run.steps) });
      else if (rest === `/executions/${RUN_ID}`)
        json(res, { seq: run.seq, ts: Date.now(), data: run.execution() });
      else if (rest === '/executions') {
        const e = run.execution();
        json(res, {
          ts: Date.now(),
          data: [
            {
              id: e.id,
              workflow: e.workflow,
              status: e.status,
              startedAt: e.startedAt,
              endedAt: null,
              durationMs: null,
              stepCount: e.steps.length,
              tokens: { input: 0, output: 0 },
              costUsd: 0,
            },
          ],
        });
      } else json(res, { code: 'not_found', message: `No ${rest}` }, 404);
      return true;
    },
  };
}
