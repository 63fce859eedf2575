import type { Page, Route } from '@playwright/test';
import { test as base, expect, useConfig as serveConfig } from '../fixtures';

export { expect };

/** Backends the fault tests point the app at; every request to them is answered by a route. */
export const PROMETHEUS = 'http://prometheus.test:9090';
export const JAEGER = 'http://jaeger.test:16686';
export const GATEWAY = 'http://gateway.test:8080';
export const TIMEOUT_MS = 1500;

export type Fault = 'down' | 'slow' | '5xx' | 'malformed';

/** A healthy Prometheus answer: one sample for instant queries, a short line for ranges. */
async function healthyPrometheus(route: Route) {
  const url = new URL(route.request().url());
  const now = Date.now() / 1000;
  if (url.pathname.endsWith('/query_range')) {
    const values = Array.from({ length: 30 }, (_, i) => [now - (30 - i) * 60, '0.5']);
    return route.fulfill({
      json: {
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [{ metric: { agent: 'planner', instance: 'host-1:9100' }, values }],
        },
      },
    });
  }
  if (url.pathname.endsWith('/query')) {
    return route.fulfill({
      json: {
        status: 'success',
        data: {
          resultType: 'vector',
          result: [{ metric: { agent: 'planner', instance: 'host-1:9100' }, value: [now, '0.5'] }],
        },
      },
    });
  }
  if (url.pathname.endsWith('/alerts'))
    return route.fulfill({ json: { status: 'success', data: { alerts: [] } } });
  if (url.pathname.endsWith('/buildinfo'))
    return route.fulfill({ json: { status: 'success', data: { version: '2.53.0' } } });
  return route.fulfill({ json: { status: 'success', data: [] } });
}

async function faultyPrometheus(route: Route, fault: Fault) {
  switch (fault) {
    case 'down':
      return route.abort('connectionrefused');
    case 'slow':
      // Beyond the configured timeout; the app must give up and say so.
      await new Promise((r) => setTimeout(r, TIMEOUT_MS * 2));
      return route
        .fulfill({ json: { status: 'success', data: { resultType: 'vector', result: [] } } })
        .catch(() => {});
    case '5xx':
      return route.fulfill({
        status: 503,
        contentType: 'text/plain',
        body: 'upstream overloaded, try later',
      });
    case 'malformed':
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"status":"success","data":{"resultType":"vec',
      });
  }
}

/** What each fault must read like in a panel: the app's words plus the backend's own. */
export const EXPECTED_MESSAGE: Record<Fault, RegExp> = {
  down: /Cannot reach Prometheus at http:\/\/prometheus\.test:9090/,
  slow: /Prometheus did not answer within 1\.5 s/,
  '5xx': /HTTP 503.*upstream overloaded, try later/,
  malformed: /Prometheus returned invalid JSON/,
};

export class Backends {
  prometheusFault: Fault | null = null;
  jaegerDown = false;

  constructor(private readonly page: Page) {}

  /** `gateway: false` leaves the live gateway out, so live numbers are computed from Prometheus. */
  async install({ gateway = true }: { gateway?: boolean } = {}) {
    await serveConfig(this.page, {
      datasources: {
        prometheus: { url: PROMETHEUS, timeoutMs: TIMEOUT_MS },
        traces: { kind: 'jaeger', url: JAEGER, timeoutMs: TIMEOUT_MS },
        ...(gateway ? { live: { url: GATEWAY, fallbackAfterAttempts: 1 } } : {}),
      },
      defaults: { refresh: 'off' },
    });
    await this.page.route(`${PROMETHEUS}/**`, (route) =>
      this.prometheusFault
        ? faultyPrometheus(route, this.prometheusFault)
        : healthyPrometheus(route),
    );
    await this.page.route(`${JAEGER}/**`, (route) =>
      this.jaegerDown
        ? route.abort('connectionrefused')
        : route.fulfill({ json: { data: ['checkout', 'planner'], total: 2 } }),
    );
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
    await provide(new Backends(page));
  },
  consoleErrors: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const from = msg.location().url;
      const injected =
        [PROMETHEUS, JAEGER, GATEWAY].some((b) => from.startsWith(b)) ||
        /gateway\.test/.test(msg.text());
      if (!injected) errors.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
    await provide(errors);
    expect(errors, 'console errors and uncaught exceptions').toEqual([]);
  },
});
