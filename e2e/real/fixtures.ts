import type { ConsoleMessage, Page } from '@playwright/test';
// Imported under another name: the lint rules read a `use…` call as a React hook.
import { test as base, expect, useConfig as serveConfig } from '../fixtures';
import { startStack, type Stack } from './stack';
import { PRICES, SCRAPE_INTERVAL_MS } from './workload';

export { expect };

/**
 * Chromium logs every failed request as a console error. Where a test makes Prometheus fail on
 * purpose, that line is the browser reporting the fault, not the app misbehaving.
 */
export type ExpectedRequestFailure = 'connection-refused' | 'bad-request' | 'starting';

const BROWSER_NOISE: Record<ExpectedRequestFailure, string[]> = {
  'connection-refused': ['Failed to load resource: net::ERR_CONNECTION_REFUSED'],
  'bad-request': [
    'Failed to load resource: the server responded with a status of 400 (Bad Request)',
  ],
  // A Prometheus that is starting again answers 503 before its CORS handler runs, so the
  // browser reports a CORS failure (and the failed load) for a request in that window.
  starting: ['Failed to load resource: net::ERR_FAILED'],
};

function isExpectedNoise(
  msg: ConsoleMessage,
  expected: ExpectedRequestFailure[],
  prometheusUrl: string,
): boolean {
  const text = msg.text();
  if (
    expected.includes('starting') &&
    text.startsWith(`Access to fetch at '${prometheusUrl}/`) &&
    text.includes("has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header")
  )
    return true;
  return (
    expected.some((kind) => BROWSER_NOISE[kind].includes(text)) &&
    msg.location().url.startsWith(`${prometheusUrl}/`)
  );
}

type TestFixtures = {
  /** Request failures against the test's Prometheus that this test provokes on purpose. */
  expectedRequestFailures: ExpectedRequestFailure[];
};

/**
 * The shared e2e test with a real stack per worker (exporter, node exporter, Prometheus),
 * stopped even when a test fails. Replaces the console watch with one that tolerates exactly
 * the request failures a test declares, and only against its own Prometheus.
 */
export const test = base.extend<TestFixtures, { stack: Stack }>({
  stack: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture names from the pattern
    async ({}, use) => {
      const stack = await startStack();
      // `use` returns when the worker shuts down, after passed and failed tests alike.
      await use(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  expectedRequestFailures: [[], { option: true }],
  // A plain function overrides the base fixture and keeps it automatic. `provide` is Playwright's
  // `use`, renamed because the hook lint rule takes a `use` call here for React's.
  consoleErrors: async ({ page, stack, expectedRequestFailures }, provide) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (
        msg.type() !== 'error' ||
        isExpectedNoise(msg, expectedRequestFailures, stack.prometheus.url)
      )
        return;
      errors.push(`console.error: ${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
    await provide(errors);
    expect(errors, 'console errors and uncaught exceptions').toEqual([]);
  },
});

/**
 * A range short enough to be wholly scraped history soon after start-up: rate() and increase()
 * over it give the scripted per-second figures (× the range for counts).
 */
export const SHORT_RANGE_SECONDS = 5;
export const SHORT_RANGE = `from=now-${SHORT_RANGE_SECONDS}s&to=now&refresh=off`;

/** Waits until Prometheus holds the whole short range (and one scrape more) of history. */
export async function waitForShortRangeHistory(stack: Stack): Promise<void> {
  await stack.waitForHistory(SHORT_RANGE_SECONDS + 1);
}

export type ConfigOverrides = {
  preset?: 'aet' | 'otel-genai';
  panels?: Record<string, { query?: string; title?: string }>;
};

/**
 * Points the app at the stack's Prometheus. The latency objective of 1.8 s is half the scripted
 * p95 of 3.6 s, so the health score's latency part is 0.5 rather than a clipped 1.
 */
export async function serveStackConfig(page: Page, stack: Stack, overrides: ConfigOverrides = {}) {
  await serveConfig(page, {
    datasources: {
      prometheus: { url: stack.prometheus.url, scrapeInterval: `${SCRAPE_INTERVAL_MS / 1000}s` },
    },
    preset: overrides.preset ?? 'aet',
    panels: overrides.panels ?? {},
    slo: { successTarget: 0.99, latencyObjectiveSeconds: 1.8 },
    prices: PRICES,
  });
}
