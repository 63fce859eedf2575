import { DEMO_EPOCH, expect, test } from './fixtures';

test.use({ demoClock: DEMO_EPOCH });

test('an exemplar on the agents latency chart opens the trace of that request (demo)', async ({
  page,
}) => {
  // A fixed range, so the exemplars do not change between finding one and clicking it: the
  // hour before the page's clock starts.
  const to = DEMO_EPOCH;
  await page.goto(`/agents?demo=1&from=${to - 3_600_000}&to=${to}&refresh=off`);
  const exemplars = page.getByRole('link', { name: /^Exemplar .*: open trace [0-9a-f]{32}$/ });
  await expect(exemplars.first()).toBeVisible({ timeout: 20_000 });
  const label = (await exemplars.first().getAttribute('aria-label')) ?? '';
  const traceId = /open trace ([0-9a-f]{32})$/.exec(label)?.[1] ?? 'none';
  // Its hover text gives the observed latency and the time, as the chart's tooltip would.
  expect(label).toMatch(/^Exemplar [\d.]+ m?s at \d{4}-\d{2}-\d{2} /);

  // Marks can overlap on a busy chart; every one is also reachable from the keyboard.
  await page.getByRole('link', { name: label, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}\\?(.*&)?demo=1`));
  await expect(page.locator('[data-row-index="0"]')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('The trace could not be loaded')).toHaveCount(0);
});
