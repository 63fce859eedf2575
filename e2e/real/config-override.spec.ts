import { expect, serveStackConfig, test } from './fixtures';
import { panel, statValue } from './ui';

// Prometheus answers the broken query with HTTP 400, which Chromium logs as a failed request.
test.use({ expectedRequestFailures: ['bad-request'] });

test('a panel query overridden with a syntax error shows Prometheus’ parse error; the rest still render', async ({
  page,
  stack,
}) => {
  await serveStackConfig(page, stack, {
    panels: { 'health.throughput': { query: 'sum(rate(aet_agent_requests_total[5m]' } },
  });
  await page.goto('/health?from=now-5m&to=now&refresh=off');

  const throughput = panel(page, 'Throughput');
  const failure = throughput.getByRole('alert');
  await expect(failure).toContainText('Query failed');
  await expect(failure).toContainText('Prometheus returned HTTP 400');
  await expect(failure).toContainText('bad_data');
  await expect(failure).toContainText('parse error');
  await expect(failure.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(throughput.getByTestId('stat-value')).toHaveCount(0);

  await expect(statValue(page, 'Success rate')).toHaveText('87.5%');
  await expect(statValue(page, 'p95 task latency')).toHaveText('3.6 s');
  await expect(statValue(page, 'Active tasks')).toHaveText('12');
  await expect(page.getByTestId('health-score').getByTestId('stat-value')).toHaveText('67');
});
