import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from '@playwright/test';
import { listen } from '../embed/processes';
import { test as base, expect, useConfig as serveConfig } from '../fixtures';

export { expect };

/** The live gateway the fault tests configure; every request to it is refused by a route. */
export const GATEWAY = 'http://gateway.test:8080';
export const TIMEOUT_MS = 1500;

export type Fault = 'down' | 'slow' | '5xx' | 'malformed';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST',
};

type Answer = (path: string) => unknown;

/**
 * A real HTTP server on 127.0.0.1 that answers like a healthy backend until told to fail.
 * Answers come from this process directly, not through the browser's request interception,
 * so a healthy answer arrives in milliseconds even on a loaded machine and only the injected
 * fault can trip the app's short timeout. "Down" closes the port, so the browser sees a
 * refused connection exactly as with a stopped server.
 */
export class FaultyBackend {
  fault: Fault | null = null;
  private server: Awaited<ReturnType<typeof listen>> | null = null;
  private port = 0;

  private constructor(private readonly answer: Answer) {}

  static async start(answer: Answer): Promise<FaultyBackend> {
    const backend = new FaultyBackend(answer);
    await backend.open();
    return backend;
  }

  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Sets the fault (`null` for healthy), closing or reopening the port as needed. */
  async set(fault: Fault | null) {
    this.fault = fault;
    if (fault === 'down') await this.shut();
    else if (!this.server) await this.open();
  }

  async shut() {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await server.close();
  }

  private async open() {
    // Reopening after "down" takes the same port: the app's config still points there.
    this.server = await listen((req, res) => void this.respond(req, res), this.port);
    this.port = Number(new URL(this.server.origin).port);
  }

  private async respond(req: IncomingMessage, res: ServerResponse) {
    if (req.method === 'OPTIONS') return res.writeHead(204, CORS).end();
    const path = new URL(req.url ?? '/', this.origin).pathname;
    if (this.fault === 'slow') {
      // Beyond the configured timeout; the app must give up and say so.
      await new Promise((r) => setTimeout(r, TIMEOUT_MS * 2));
      if (res.destroyed) return;
    }
    if (this.fault === '5xx') {
      return res
        .writeHead(503, { ...CORS, 'content-type': 'text/plain' })
        .end('upstream overloaded, try later');
    }
    res.writeHead(200, { ...CORS, 'content-type': 'application/json' });
    if (this.fault === 'malformed') return res.end('{"status":"success","data":{"resultType":"vec');
    res.end(JSON.stringify(this.answer(path)));
  }
}

/** A healthy Prometheus answer: one sample for instant queries, a short line for ranges. */
function prometheusAnswer(path: string) {
  const now = Date.now() / 1000;
  const metric = { agent: 'planner', instance: 'host-1:9100' };
  if (path.endsWith('/query_range')) {
    const values = Array.from({ length: 30 }, (_, i) => [now - (30 - i) * 60, '0.5']);
    return { status: 'success', data: { resultType: 'matrix', result: [{ metric, values }] } };
  }
  if (path.endsWith('/query'))
    return {
      status: 'success',
      data: { resultType: 'vector', result: [{ metric, value: [now, '0.5'] }] },
    };
  if (path.endsWith('/alerts')) return { status: 'success', data: { alerts: [] } };
  if (path.endsWith('/buildinfo')) return { status: 'success', data: { version: '2.53.0' } };
  return { status: 'success', data: [] };
}

const jaegerAnswer = () => ({ data: ['checkout', 'planner'], total: 2 });

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** What each fault must read like in a panel: the app's words plus the backend's own. */
export function expectedMessage(fault: Fault, origin: string): RegExp {
  switch (fault) {
    case 'down':
      return new RegExp(`Cannot reach Prometheus at ${escape(origin)}`);
    case 'slow':
      return /Prometheus did not answer within 1\.5 s/;
    case '5xx':
      return /HTTP 503.*upstream overloaded, try later/;
    case 'malformed':
      return /Prometheus returned invalid JSON/;
  }
}

export class Backends {
  readonly started: FaultyBackend[] = [];
  prometheus!: FaultyBackend;
  jaeger!: FaultyBackend;

  constructor(private readonly page: Page) {}

  /**
   * Starts Prometheus and Jaeger with the given faults and points the app at them.
   * `gateway: false` leaves the live gateway out, so live numbers are computed from Prometheus.
   */
  async install({
    gateway = true,
    prometheus = null,
    jaeger = null,
  }: { gateway?: boolean; prometheus?: Fault | null; jaeger?: Fault | null } = {}) {
    this.prometheus = await FaultyBackend.start(prometheusAnswer);
    this.jaeger = await FaultyBackend.start(jaegerAnswer);
    this.started.push(this.prometheus, this.jaeger);
    await this.prometheus.set(prometheus);
    await this.jaeger.set(jaeger);
    // Only a test of the timeout gets a short one. A loaded browser can take longer than 1.5 s
    // to handle an answer that arrived in time, and the other faults are not about time.
    const timeoutMs = (fault: Fault | null) => (fault === 'slow' ? TIMEOUT_MS : undefined);
    await serveConfig(this.page, {
      datasources: {
        prometheus: { url: this.prometheus.origin, timeoutMs: timeoutMs(prometheus) },
        traces: { kind: 'jaeger', url: this.jaeger.origin, timeoutMs: timeoutMs(jaeger) },
        ...(gateway ? { live: { url: GATEWAY, fallbackAfterAttempts: 1 } } : {}),
      },
      defaults: { refresh: 'off' },
    });
    // The gateway refuses everything: sockets, SSE and REST. The app must fall back and say so.
    await this.page.route(`${GATEWAY}/**`, (route) => route.abort('connectionrefused'));
    await this.page.routeWebSocket(/gateway\.test/, (ws) =>
      ws.close({ code: 1011, reason: 'refused' }),
    );
  }
}

/**
 * Chromium logs each failed request as a console error; against the fake backends that is the
 * fault being injected, not the app failing. Anything else still fails the test.
 */
export const test = base.extend<{ backends: Backends }>({
  backends: async ({ page }, provide) => {
    const backends = new Backends(page);
    await provide(backends);
    await Promise.all(backends.started.map((b) => b.shut()));
  },
  consoleErrors: async ({ page, backends }, provide) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const from = msg.location().url;
      const injected =
        [GATEWAY, ...backends.started.map((b) => b.origin)].some((b) => from.startsWith(b)) ||
        /gateway\.test/.test(msg.text());
      if (!injected) errors.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
    await provide(errors);
    expect(errors, 'console errors and uncaught exceptions').toEqual([]);
  },
});
