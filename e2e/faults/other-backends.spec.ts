import { expect, test } from './faults';

const rows: Array<{ backend: string; fault: string; view: string; outcome: string }> = [];

test.afterAll(() => {
  console.log('\nFault matrix (traces and live gateway)');
  console.table(rows);
});

test('trace backend down: Traces says so, metric views are untouched, and it recovers', async ({
  page,
  backends,
}) => {
  const row = { backend: 'Jaeger', fault: 'down', view: '/traces', outcome: 'failed' };
  rows.push(row);
  await backends.install({ gateway: false, jaeger: 'down' });
  const jaeger = backends.jaeger.origin.replace(/[.:/]/g, '\\$&');
  await page.goto('/traces?from=now-1h&to=now');
  await expect(page.getByText(new RegExp(`Cannot reach Jaeger at ${jaeger}`)).first()).toBeVisible({
    timeout: 15_000,
  });
  // Only the trace panels are affected: Health still shows its Prometheus numbers.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Health' })
    .click();
  await expect(page.locator('[data-panel="Success rate"]')).toContainText('50%');
  await expect(page.getByText(/Cannot reach/)).toHaveCount(0);
  await expect(page.getByText(/Jaeger/)).toHaveCount(0);
  // Back up: the service list loads.
  await backends.jaeger.set(null);
  await page.goto('/traces?from=now-1h&to=now');
  await expect(page.getByText(/Cannot reach Jaeger/)).toHaveCount(0, { timeout: 15_000 });
  await expect(
    page.getByRole('option', { name: 'checkout' }).or(page.getByText('checkout')).first(),
  ).toBeAttached();
  row.outcome = 'ok';
});

test('gateway refusing WebSocket (and everything else): indicator and executions say so, metrics keep working', async ({
  page,
  backends,
}) => {
  const row = { backend: 'live gateway', fault: 'refused', view: '/executions', outcome: 'failed' };
  rows.push(row);
  await backends.install();
  await page.goto('/executions?from=now-1h&to=now');
  // The connection indicator leaves "connecting" and tells the user the stream is not live.
  const indicator = page.getByTestId('connection-indicator');
  await expect(indicator).not.toHaveAttribute('data-status', /live|connecting/, {
    timeout: 20_000,
  });
  await expect(indicator).not.toHaveText('');
  // The runs list shows why it has nothing, in words.
  await expect(
    page.getByText(/Cannot reach the live gateway at http:\/\/gateway\.test:8080/).first(),
  ).toBeVisible({
    timeout: 15_000,
  });
  // Metric views are unaffected.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Health' })
    .click();
  await expect(page.locator('[data-panel="Success rate"]')).toContainText('50%');
  row.outcome = 'ok';
});
