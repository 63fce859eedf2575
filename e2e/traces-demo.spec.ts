import { DEMO_EPOCH, expect, test } from './fixtures';

test.use({ demoClock: DEMO_EPOCH });

test('a link to a demo trace opens it again on every reload', async ({ page }) => {
  await page.goto('/traces?demo=1&service=api-gateway&limit=5');
  const first = page
    .getByRole('region', { name: 'Trace search results' })
    .getByRole('link')
    .first();
  await expect(first).toBeVisible({ timeout: 20_000 });
  await first.click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}\?(.*&)?demo=1/);
  const firstRow = page.locator('[data-row-index="0"]');
  // Rows paint from a quick look at the trace; the GenAI totals (and each row's token badge)
  // follow once the full parse ends, which the summary says. Compare the finished view.
  const reading = page.getByText('reading span attributes…');
  await expect(firstRow).toBeVisible({ timeout: 20_000 });
  await expect(reading).toHaveCount(0);
  const rootRow = (await firstRow.textContent()) ?? '';

  // The demo backend runs in the page; the trace workers, which may start before it on a
  // reload, must still download the trace from it, every time.
  for (let reload = 1; reload <= 4; reload++) {
    await page.reload();
    await expect(firstRow, `reload ${reload}`).toBeVisible({ timeout: 20_000 });
    await expect(reading).toHaveCount(0);
    await expect(firstRow).toHaveText(rootRow);
    await expect(page.getByText('The trace could not be loaded')).toHaveCount(0);
  }
});
