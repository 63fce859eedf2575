import { http, HttpResponse, ws, type RequestHandler, type WebSocketHandler } from 'msw';
import { pingMessageSchema, type ServerMessageInput } from '@/datasources/live/schema';
import { createSimulator, type Simulator } from '@mocks/sim';
import { flapVerdict, onDemoRefusingSockets } from './flapping';
import { metricsAt } from './metrics';
import { createPlatform, executionIndex, type ExecutionPlan, type Platform } from './platform';
import { executionIndexOfTrace, otlpTraceAt, traceSummaryAt } from './traces';

export interface LiveHandlersOptions {
  /** Gateway base path or URL, e.g. `/demo/gateway`; relative bases match any origin. */
  base: string;
  seed?: number;
  now?: () => number;
  /** Origin of the incident schedule and of the execution counters; defaults to now. */
  anchorMs?: number;
  /** Mean time between two executions starting. */
  spacingMs?: number;
  /** Multiplies step durations. */
  stepScale?: number;
  /** Interval between two metrics snapshots on the streams. */
  tickMs?: number;
}

const API = '/api/v1/observability';
/** A finished execution's socket stays open this long so the last messages are seen. */
const CLOSE_AFTER_FINISH_MS = 1_500;
const COUNTING_SINCE_MS = 30 * 24 * 3_600_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function limitParam(request: Request, fallback: number, max: number): number {
  const raw = Number(new URL(request.url).searchParams.get('limit'));
  return Number.isInteger(raw) && raw > 0 ? Math.min(raw, max) : fallback;
}

const notFound = (message: string) =>
  HttpResponse.json({ code: 'not_found', message }, { status: 404 });

/** Timers owned by one connection, all cleared when it closes. */
function connectionTimers() {
  const handles = new Set<ReturnType<typeof setTimeout>>();
  return {
    after(ms: number, callback: () => void) {
      const handle = setTimeout(
        () => {
          handles.delete(handle);
          callback();
        },
        Math.max(0, ms),
      );
      handles.add(handle);
    },
    clear() {
      for (const handle of handles) clearTimeout(handle);
      handles.clear();
    },
  };
}

type Client = Parameters<
  Parameters<ReturnType<typeof ws.link>['addEventListener']>[1]
>[0]['client'];

/** Pongs, flapping and cleanup shared by both socket endpoints; false if the socket was refused. */
function acceptSocket(client: Client, now: () => number) {
  const verdict = flapVerdict(now());
  if (verdict.action === 'refuse') {
    client.close(4003, 'demo: gateway refusing connections');
    return null;
  }
  const timers = connectionTimers();
  const send = (message: ServerMessageInput) => client.send(JSON.stringify(message));
  client.addEventListener('message', (event) => {
    let ping;
    try {
      ping = pingMessageSchema.safeParse(JSON.parse(String(event.data)));
    } catch {
      return;
    }
    if (ping.success) send({ type: 'pong', ts: now(), data: { ts: ping.data.data.ts } });
  });
  const stopRefusing = onDemoRefusingSockets(() =>
    client.close(4003, 'demo: gateway refusing connections'),
  );
  client.addEventListener('close', () => {
    timers.clear();
    stopRefusing();
  });
  if (verdict.action === 'drop') {
    timers.after(verdict.afterMs, () => client.close(4001, 'demo: connection dropped'));
  }
  return { timers, send };
}

/** MSW handlers serving the live gateway contract from the simulated platform. */
export function createLiveHandlers(
  options: LiveHandlersOptions,
): Array<RequestHandler | WebSocketHandler> {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 42;
  const anchorMs = options.anchorMs ?? now();
  const tickMs = options.tickMs ?? 2_000;
  let simulator: Simulator | null = null;
  const platform: Platform = createPlatform({
    seed,
    spacingMs: options.spacingMs ?? 3_000,
    stepScale: options.stepScale ?? 0.4,
    incidentAt: (agent, tMs) => {
      simulator ??= createSimulator({ seed, anchorMs });
      return simulator
        .incidents(tMs, tMs)
        .some((incident) => incident.agent === agent && incident.kind === 'error-spike');
    },
  });

  const api = `${options.base.replace(/\/+$/, '')}${API}`;
  const httpPath = (path: string) => (/^https?:\/\//.test(api) ? api : `*${api}`) + path;
  const wsPattern = (path: string) => new RegExp(`${escapeRegExp(api)}${path}(?:\\?.*)?$`);

  const metricsMessage = (tMs: number, seq = Math.floor(tMs / tickMs)): ServerMessageInput => ({
    type: 'metrics.snapshot',
    seq,
    ts: tMs,
    data: metricsAt(platform, tMs, anchorMs - COUNTING_SINCE_MS),
  });
  const untilNextTick = () => tickMs - (now() % tickMs);
  /**
   * A stream's seq: the tick number, but never repeated when a timer fires a hair before the
   * tick boundary by the wall clock.
   */
  const tickSequence = () => {
    let last = -1;
    return () => (last = Math.max(last + 1, Math.floor(now() / tickMs)));
  };

  const findPlan = (id: string): ExecutionPlan | null => {
    const index = executionIndex(id);
    if (index === null) return null;
    const plan = platform.plan(index);
    return plan.startedAt <= now() ? plan : null;
  };

  const metricsSocket = ws
    .link(wsPattern('/ws/metrics'))
    .addEventListener('connection', ({ client }) => {
      const socket = acceptSocket(client, now);
      if (!socket) return;
      const nextSeq = tickSequence();
      const push = () => {
        socket.send(metricsMessage(now(), nextSeq()));
        socket.timers.after(untilNextTick(), push);
      };
      socket.timers.after(0, push);
    });

  const executionSocket = ws
    .link(wsPattern('/ws/executions/[^/?#]+'))
    .addEventListener('connection', ({ client }) => {
      const socket = acceptSocket(client, now);
      if (!socket) return;
      const id = decodeURIComponent(client.url.pathname.split('/').at(-1) ?? '');
      const plan = findPlan(id);
      const state = plan && platform.stateAt(plan, now());
      if (!plan || !state) {
        socket.timers.after(0, () => {
          socket.send({
            type: 'error',
            data: { code: 'not_found', message: `No execution ${id}` },
          });
          client.close(4404, 'unknown execution');
        });
        return;
      }
      socket.timers.after(0, () =>
        socket.send({
          type: 'execution.snapshot',
          seq: state.seq,
          ts: now(),
          data: state.execution,
        }),
      );
      plan.events.forEach((event, index) => {
        if (index < state.seq) return;
        socket.timers.after(event.at - now(), () =>
          socket.send({ ...event, seq: index + 1, ts: event.at } as ServerMessageInput),
        );
      });
      socket.timers.after(plan.endedAt - now() + CLOSE_AFTER_FINISH_MS, () =>
        client.close(1000, 'execution finished'),
      );
    });

  return [
    http.get(httpPath('/overview'), () => {
      const message = metricsMessage(now());
      return HttpResponse.json({ seq: message.seq, ts: message.ts, data: message.data });
    }),
    http.get(httpPath('/executions'), ({ request }) => {
      const t = now();
      const recent = platform.recent(t, limitParam(request, 50, 500));
      return HttpResponse.json({ ts: t, data: recent.map((plan) => platform.summaryAt(plan, t)) });
    }),
    http.get(httpPath('/executions/:id'), ({ params }) => {
      const id = String(params.id);
      const plan = findPlan(id);
      const state = plan && platform.stateAt(plan, now());
      if (!state) return notFound(`No execution ${id}`);
      return HttpResponse.json({ seq: state.seq, ts: now(), data: state.execution });
    }),
    http.get(httpPath('/traces'), ({ request }) => {
      const t = now();
      const recent = platform.recent(t, limitParam(request, 20, 200));
      return HttpResponse.json({
        ts: t,
        data: recent.map((plan) => traceSummaryAt(plan, t, seed)),
      });
    }),
    http.get(httpPath('/traces/:traceId'), ({ params }) => {
      const traceId = String(params.traceId);
      const index = executionIndexOfTrace(traceId);
      const plan = index === null ? null : findPlan(`exec-${index}`);
      if (!plan) return notFound(`No trace ${traceId}`);
      return HttpResponse.json(otlpTraceAt(platform, plan, now(), seed));
    }),
    http.get(httpPath('/metrics/stream'), ({ request }) => metricsEventStream(request)),
    metricsSocket,
    executionSocket,
  ];

  function metricsEventStream(request: Request): Response {
    const encoder = new TextEncoder();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const nextSeq = tickSequence();
    const frame = () => {
      const message = metricsMessage(now(), nextSeq());
      return encoder.encode(`id: ${message.seq}\ndata: ${JSON.stringify(message)}\n\n`);
    };
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const push = () => {
          try {
            controller.enqueue(frame());
          } catch {
            return;
          }
          timer = setTimeout(push, untilNextTick());
        };
        controller.enqueue(frame());
        timer = setTimeout(push, untilNextTick());
        request.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          try {
            controller.close();
          } catch {
            // Already closed by the reader.
          }
        });
      },
      cancel() {
        clearTimeout(timer);
      },
    });
    return new HttpResponse(body, {
      headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' },
    });
  }
}
