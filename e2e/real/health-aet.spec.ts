import { FIRING_ALERT, PENDING_ALERT } from './stack';
import {
  expect,
  serveStackConfig,
  SHORT_RANGE,
  SHORT_RANGE_SECONDS,
  test,
  waitForShortRangeHistory,
} from './fixtures';
import { expectShownNear, expectShownWithin, panel, statValue } from './ui';
import { EXPECTED } from './expected';

// Every figure below comes from the scripted workload (see EXPECTED in workload.ts); the
// strings are how the app must format them.

test.beforeEach(async ({ page, stack }) => {
  await serveStackConfig(page, stack, { preset: 'aet' });
});

test('Health shows the scripted ratios, quantile, gauges and the firing alert', async ({
  page,
  stack,
}) => {
  await page.goto('/health?from=now-5m&to=now&refresh=off');
  await expect(page.getByRole('heading', { level: 1, name: 'Health' })).toBeVisible();

  // Ratios and quantiles are exact for any window: every series grows by whole ticks.
  await expect(statValue(page, 'Success rate')).toHaveText('87.5%'); // 14 / 16
  await expect(statValue(page, 'p95 task latency')).toHaveText('3.6 s');
  await expect(statValue(page, 'Active tasks')).toHaveText('12'); // 3 + 5 + 4
  await expect(statValue(page, 'Running executions')).toHaveText('3');
  await expect(statValue(page, 'Saturation')).toHaveText('60%'); // max(40, 60) / 100

  // 100 × (0.5 × 0.875 + 0.3 × min(1, 1.8 / 3.6) + 0.2 × (1 − 0.6)) = 66.75
  const score = page.getByTestId('health-score');
  await expect(score.getByTestId('stat-value')).toHaveText('67');
  await expect(score).toHaveAttribute(
    'title',
    /success rate = 87\.5%\nlatency score = 0\.50 \(objective 1\.8 s\)\nsaturation = 60%/,
  );

  const alerts = panel(page, 'Firing alerts');
  await expect(alerts.getByTestId('firing-alerts-count')).toHaveText('1');
  await expect(alerts).toContainText('1 pending');
  await expect(alerts.getByRole('listitem')).toHaveCount(1);
  await expect(alerts.getByRole('listitem')).toContainText(FIRING_ALERT);
  await expect(alerts.getByRole('listitem')).toContainText('critical');
  await expect(alerts.getByRole('listitem')).toContainText(
    'Upstream 5xx errors spiked in the last 10 minutes',
  );
  await expect(alerts).not.toContainText(PENDING_ALERT);

  // 2 of 16 tasks fail in every window: error ratio 0.125, burn rate 0.125 / 0.01 = 12.5.
  const burn = page.getByTestId('burn-rate');
  await expect(burn.locator('tbody tr')).toHaveText([
    /^page\s*1h: 12\.5×\s*5m: 12\.5×\s*14\.4×\s*OK$/i,
    /^ticket\s*6h: 12\.5×\s*30m: 12\.5×\s*6×\s*Burning$/i,
  ]);

  const source = panel(page, 'Data sources').locator('[data-source="Prometheus"]');
  await expect(source).toHaveAttribute('data-state', 'ok');
  await expect(source).toContainText(stack.prometheus.url);
  await expect(source).toContainText(/Reachable · version 2\.42\.\S+ · \d+ ms/);
});

test('over a 5 s range, rates and counts match the workload and 24 h counts everything', async ({
  page,
  stack,
}) => {
  await waitForShortRangeHistory(stack);
  const failedBefore = await stack.exporter.failedTasks();
  await page.goto(`/health?${SHORT_RANGE}`);

  await expectShownNear(statValue(page, 'Throughput'), EXPECTED.aet.requestsPerSecond, {
    unit: ' req/s',
  });
  await expectShownNear(
    statValue(page, 'Failed executions'),
    EXPECTED.aet.failedExecutionsPerSecond * SHORT_RANGE_SECONDS,
  );
  await expect(statValue(page, 'Success rate')).toHaveText('87.5%');
  await expect(statValue(page, 'p95 task latency')).toHaveText('3.6 s');

  // increase(…[24h]) reaches back to the first scrape, where the workload starts: it counts
  // every failed task so far, far more than the short range holds. The exporter knows the
  // count at each scrape; Prometheus extrapolates at most a second past the last one.
  const failures = statValue(page, 'Failed tasks, last 24 h');
  await expect(failures).toHaveText(/^\d/);
  const failedAfter = await stack.exporter.failedTasks();
  const { failedTasksPerSecond } = EXPECTED.aet;
  expect(failedBefore).toBeGreaterThan(failedTasksPerSecond * SHORT_RANGE_SECONDS * 1.1);
  await expectShownWithin(
    failures,
    failedBefore * 0.99,
    (failedAfter + failedTasksPerSecond * 1.1) * 1.01,
  );
});
