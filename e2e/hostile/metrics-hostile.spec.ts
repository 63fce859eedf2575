import type { Route } from '@playwright/test';
import { expect, test, useConfig } from '../fixtures';
import { deepJson, expectInertPage, HOSTILE_STRINGS } from './payloads';

const PROMETHEUS = 'http://prometheus.test:9090';
const labels = Object.values(HOSTILE_STRINGS);

/** Every series carries a hostile label value in `agent`, `instance` and `error_type`. */
async function hostilePrometheus(route: Route) {
  const url = new URL(route.request().url());
  const now = Date.now() / 1000;
  const metric = (i: number) => {
    const v = labels[i % labels.length] ?? '';
    return {
      agent: v,
      instance: v,
      error_type: v,
      operation: v,
      gen_ai_request_model: v,
      tool: v,
      status: 'error',
    };
  };
  if (url.pathname.endsWith('/query_range')) {
    const result = labels.map((_, i) => ({
      metric: metric(i),
      values: Array.from({ length: 40 }, (_, k) => [
        now - (40 - k) * 60,
        String((i + 1) * (k % 7)),
      ]),
    }));
    return route.fulfill({ json: { status: 'success', data: { resultType: 'matrix', result } } });
  }
  if (url.pathname.endsWith('/query')) {
    const result = labels.map((_, i) => ({ metric: metric(i), value: [now, String(i + 1)] }));
    return route.fulfill({ json: { status: 'success', data: { resultType: 'vector', result } } });
  }
  if (url.pathname.endsWith('/alerts')) {
    return route.fulfill({
      json: {
        status: 'success',
        data: {
          alerts: labels.map((v) => ({
            labels: { alertname: v, severity: v },
            annotations: { summary: v, runbook_url: HOSTILE_STRINGS.jsUrl },
            state: 'firing',
            activeAt: new Date().toISOString(),
            value: '1',
          })),
        },
      },
    });
  }
  if (url.pathname.endsWith('/buildinfo'))
    return route.fulfill({ json: { status: 'success', data: { version: HOSTILE_STRINGS.img } } });
  return route.fulfill({ json: { status: 'success', data: [] } });
}

for (const path of ['/health', '/agents', '/errors', '/resources']) {
  test(`${path}: hostile label values render as text, run nothing, and the page stays usable`, async ({
    page,
  }) => {
    await useConfig(page, {
      datasources: { prometheus: { url: PROMETHEUS } },
      defaults: { refresh: 'off' },
    });
    await page.route(`${PROMETHEUS}/**`, hostilePrometheus);
    await page.goto(`${path}?from=now-1h&to=now`);
    // Panels appear with their data; on a busy machine the hostile answers take a while.
    await expect(page.locator('[data-panel]').first()).toBeVisible({ timeout: 30_000 });
    // Give every panel time to draw its data; none may fail on strange label values.
    await expect(page.locator('[aria-label="Loading"]')).toHaveCount(0, { timeout: 30_000 });
    const failures = await page
      .locator('[data-panel]')
      .filter({ hasText: 'Query failed' })
      .allInnerTexts();
    expect(failures.map((t) => t.slice(0, 300))).toEqual([]);

    await expectInertPage(page);
    // Still usable: navigation works.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Traces' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Traces' })).toBeVisible();
  });
}

const BROKEN_BODIES: Array<[string, string]> = [
  [
    'truncated JSON',
    '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"',
  ],
  [
    'wrong types',
    '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":1},"values":[["x",2]]}]}}',
  ],
  ['deep JSON', deepJson(100_000)],
  ['not an object', '"just a string"'],
];

for (const [name, body] of BROKEN_BODIES) {
  test(`a Prometheus answer with ${name} is reported in the panel, not thrown`, async ({
    page,
  }) => {
    await useConfig(page, {
      datasources: { prometheus: { url: PROMETHEUS } },
      defaults: { refresh: 'off' },
    });
    await page.route(`${PROMETHEUS}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await page.goto('/health?from=now-1h&to=now');
    await expect(page.getByText('Query failed').first()).toBeVisible({ timeout: 15_000 });
    await expect(
      page.getByText(/Prometheus returned (invalid JSON|data in an unexpected shape)/).first(),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Health' })).toBeVisible();
  });
}

test('a huge Prometheus answer (200k samples) draws without freezing the page', async ({
  page,
}) => {
  await useConfig(page, {
    datasources: { prometheus: { url: PROMETHEUS } },
    defaults: { refresh: 'off' },
  });
  const now = Date.now() / 1000;
  const result = Array.from({ length: 20 }, (_, s) => ({
    metric: { agent: `agent-${s}` },
    values: Array.from({ length: 10_000 }, (_, i) => [
      now - 3600 + i * 0.36,
      String(Math.sin(i / 100) + s),
    ]),
  }));
  const big = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });
  await page.route(`${PROMETHEUS}/**`, (route) =>
    new URL(route.request().url()).pathname.endsWith('/query_range')
      ? route.fulfill({ status: 200, contentType: 'application/json', body: big })
      : route.fulfill({ json: { status: 'success', data: { resultType: 'vector', result: [] } } }),
  );
  await page.goto('/health?from=now-1h&to=now');
  await expect(page.getByTestId('timeseries').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-testid="timeseries"] path.recharts-curve').first()).toBeVisible({
    timeout: 30_000,
  });
  await page.getByTestId('theme-picker').selectOption('dark');
  await expect(page.locator('html')).toHaveClass(/dark/);
});
