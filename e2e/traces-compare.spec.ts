import { encodeTraceId } from '../mocks/traces/trace-ids';
import { DEMO_EPOCH, expect, test } from './fixtures';

test.use({ demoClock: DEMO_EPOCH });

test('two demo traces compare side by side, each loaded by the trace engine', async ({ page }) => {
  const id = (spans: number, seed: number) =>
    encodeTraceId({ spans, startMs: DEMO_EPOCH - 10 * 60_000, rootService: 0, seed });
  const a = id(3_000, 11);
  const b = id(4_000, 12);
  await page.goto(`/traces/compare?demo=1&a=${a}&b=${b}`);

  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toBeVisible({ timeout: 20_000 });
  const spans = summary.getByRole('row', { name: /^Spans/ });
  await expect(spans.getByRole('cell').nth(0)).toHaveText(/^3,?000$/);
  await expect(spans.getByRole('cell').nth(1)).toHaveText(/^4,?000$/);
  await expect(
    page.getByRole('region', { name: 'Paths compared' }).getByRole('row').nth(1),
  ).toBeVisible();
  await expect(page.getByText('The trace could not be loaded')).toHaveCount(0);
});
