import { expect, serveStackConfig, test } from './fixtures';
import {
  expectNoFailedPanels,
  expectShownNear,
  expectShownWithin,
  legend,
  panel,
  reveal,
  rowWith,
} from './ui';
import { EXPECTED } from './expected';
import { BURST } from './workload';

const { errorsPerSecond } = EXPECTED.aet;
/** The shortest range whose 1 s steps give the 16 points spike detection needs. */
const RANGE_S = 16;
/** The charts' $__rate_interval at a 1 s step and scrape interval. */
const RATE_INTERVAL_S = 4;

/** Waits for the wall clock: some ranges must lie wholly after an event. */
async function waitUntilPast(epochMs: number): Promise<void> {
  const wait = epochMs - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

test.beforeEach(async ({ page, stack }) => {
  await serveStackConfig(page, stack);
});

test('a steady range shows the steady errors, the idle burst type at zero and no spike', async ({
  page,
  stack,
}) => {
  // The range and the rate window before it, all scraped and all after the burst's last sample.
  await stack.waitForHistory(RANGE_S + RATE_INTERVAL_S + 1);
  await waitUntilPast(stack.burst.endsAt + (RANGE_S + 2) * 1000);
  await page.goto(`/errors?from=now-${RANGE_S}s&to=now&refresh=off`);

  // The task error ratio is a flat 12.5 %: nothing to flag.
  await expect(page.getByTestId('error-spikes-summary')).toHaveText(
    'No spikes detected in this time range.',
  );
  await expect(legend(panel(page, 'Failed tasks per second by agent'))).toHaveText([
    'coder',
    'planner',
  ]);
  await expect(legend(panel(page, 'Errors per second by type'))).toHaveText([
    'timeout',
    'tool_error',
    'upstream_5xx',
  ]);

  const bars = (await reveal(panel(page, 'Errors by type')))
    .getByRole('list', { name: 'Distribution' })
    .getByRole('listitem');
  await expect(bars).toHaveCount(3);
  const figure = (label: string) => bars.filter({ hasText: label }).locator('span.tabular-nums');
  await expectShownNear(figure('tool_error'), errorsPerSecond.tool_error * RANGE_S, {
    unit: ' (50%)',
  });
  await expectShownNear(figure('timeout'), errorsPerSecond.timeout * RANGE_S, { unit: ' (50%)' });
  await expect(figure('upstream_5xx')).toHaveText('0 (0%)');

  const top = (await reveal(panel(page, 'Top errors'))).getByRole('table');
  await expectShownNear(
    rowWith(top, 'coder', 'tool_error').getByRole('cell').last(),
    errorsPerSecond.tool_error * RANGE_S,
  );
  await expectShownNear(
    rowWith(top, 'planner', 'timeout').getByRole('cell').last(),
    errorsPerSecond.timeout * RANGE_S,
  );
  await expect(rowWith(top, 'reviewer', 'upstream_5xx').getByRole('cell').last()).toHaveText('0');
  await expect(top.locator('tbody tr').last()).toContainText('upstream_5xx');
  await expectNoFailedPanels(page);
});

test('a range around the burst puts the upstream 5xx errors on top', async ({ page, stack }) => {
  // From just before the burst (its counter still 0) to 4 s after it: 7.5 s, so the steady
  // types add up to at most 750 each against the burst's 2,000.
  const from = stack.burst.startsAt - 1_500;
  const to = stack.burst.endsAt + 4_000;
  await waitUntilPast(to + 1_500);
  await page.goto(`/errors?from=${from}&to=${to}&refresh=off`);

  const top = (await reveal(panel(page, 'Top errors'))).getByRole('table');
  const first = top.locator('tbody tr').first().getByRole('cell');
  await expect(first.nth(0)).toHaveText(BURST.agent);
  await expect(first.nth(1)).toHaveText(BURST.error_type);
  // increase() stretches the sampled span (at least 5.5 s of the 7.5) to the range by at most
  // the 1 s after the last sample; the counter is flat there, so it can only overstate.
  const total = BURST.perTick * BURST.ticks;
  await expectShownWithin(first.nth(2), total * 0.99, total * (1 + 1 / 5.5) * 1.01);

  await expect(legend(panel(page, 'Errors per second by type'))).toContainText(['upstream_5xx']);
  await expectNoFailedPanels(page);
});
