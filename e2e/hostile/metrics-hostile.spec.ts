import { expect, test, useConfig } from '../fixtures';
import { startHostilePrometheus } from './hostilePrometheus';
import { deepJson, expectInertPage } from './payloads';

const PROMETHEUS = 'http://prometheus.test:9090';

// A trace's DOM snapshots copy every megabyte-long label value at each step and each poll
// of an assertion; that copying, not the app, took 20-40 s per view. Screenshots and the
// action log are kept for a failure.
test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: true } });

test.describe('hostile label values', () => {
  let hostile: Awaited<ReturnType<typeof startHostilePrometheus>>;
  test.beforeAll(async () => {
    hostile = await startHostilePrometheus();
  });
  test.afterAll(async () => {
    await hostile.close();
  });

  for (const path of ['/health', '/agents', '/errors', '/resources']) {
    test(`${path}: hostile label values render as text, run nothing, and the page stays usable`, async ({
      page,
    }) => {
      await useConfig(page, {
        datasources: { prometheus: { url: hostile.origin } },
        defaults: { refresh: 'off' },
      });
      await page.goto(`${path}?from=now-1h&to=now`);
      await expect(page.locator('[data-panel]').first()).toBeVisible();
      // Every panel draws its data (panels below the fold fetch once they are scrolled to);
      // none may fail on strange label values.
      for (const panel of await page.locator('[data-panel]').all()) {
        await panel.scrollIntoViewIfNeeded();
        await expect(panel.locator('[aria-label="Loading"]')).toHaveCount(0);
      }
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
});

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
