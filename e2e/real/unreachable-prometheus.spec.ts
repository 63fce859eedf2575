import { expect, serveStackConfig, test } from './fixtures';
import { panel, statValue } from './ui';

// While Prometheus is down, Chromium logs each refused request as a console error; while it
// starts again, a request it answers before it is ready fails CORS.
test.use({ expectedRequestFailures: ['connection-refused', 'starting'] });

test('Prometheus going away mid-session: panels say so, the app keeps working, and recovers', async ({
  page,
  stack,
}) => {
  const { prometheus } = stack;
  await serveStackConfig(page, stack);
  await page.goto('/health?from=now-5m&to=now&refresh=off');
  await expect(statValue(page, 'Success rate')).toHaveText('87.5%');

  await prometheus.stop();
  await page.getByRole('button', { name: 'Refresh now' }).click();

  const unreachable = `Cannot reach Prometheus at ${prometheus.url}/api/v1/query`;
  for (const title of ['Success rate', 'p95 task latency', 'Active tasks']) {
    await expect(panel(page, title).getByRole('alert'), title).toContainText(unreachable);
  }
  await expect(page.getByTestId('health-score')).toHaveCount(0);
  const source = panel(page, 'Data sources').locator('[data-source="Prometheus"]');
  await expect(source).toHaveAttribute('data-state', 'down');
  await expect(source).toContainText(
    `Cannot reach Prometheus at ${prometheus.url}/api/v1/status/buildinfo`,
  );

  // The rest of the app keeps working: another view opens and says the same in its panels.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Errors' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Errors' })).toBeVisible();
  await expect(panel(page, 'Error ratio').getByRole('alert')).toContainText(unreachable);
  await nav.getByRole('link', { name: 'Health' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Health' })).toBeVisible();
  await expect(page).toHaveURL(/from=now-5m&to=now&refresh=off/);

  await prometheus.restart();
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(statValue(page, 'Success rate')).toHaveText('87.5%');
  await expect(statValue(page, 'p95 task latency')).toHaveText('3.6 s');
  await expect(statValue(page, 'Active tasks')).toHaveText('12');
  await expect(page.getByTestId('health-score').getByTestId('stat-value')).toHaveText('67');
  await expect(source).toHaveAttribute('data-state', 'ok');
  await expect(source).toContainText(/Reachable · version 2\.42/);
});

test('an auto-refresh interval brings the panels back without a click', async ({ page, stack }) => {
  const { prometheus } = stack;
  await serveStackConfig(page, stack);
  await prometheus.stop();
  await page.goto('/health?from=now-5m&to=now&refresh=5s');
  await expect(panel(page, 'Success rate').getByRole('alert')).toContainText(
    `Cannot reach Prometheus at ${prometheus.url}`,
  );

  await prometheus.restart();
  await expect(statValue(page, 'Success rate')).toHaveText('87.5%', { timeout: 15_000 });
});
