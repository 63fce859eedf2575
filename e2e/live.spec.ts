import type { Locator, Page } from '@playwright/test';
import { DEMO_EPOCH, expect, seriousA11yViolations, test } from './fixtures';

test.use({ demoClock: DEMO_EPOCH });

/** The demo gateway's switch (mocks/live/flapping.ts): cut every socket and refuse new ones. */
async function refuseSockets(page: Page, on: boolean) {
  await page.evaluate((value) => {
    const demo = (
      window as unknown as { __observatoryDemo?: { setRefusingSockets(v: boolean): void } }
    ).__observatoryDemo;
    if (!demo) throw new Error('the demo switches are missing: is this a demo build?');
    demo.setRefusingSockets(value);
  }, on);
}

/** The longest demo workflows: a run of one is likely to outlast the test. */
const LONG_WORKFLOWS = ['code-change', 'research-report'];

async function openRunningExecution(page: Page): Promise<string> {
  await page.goto('/executions?demo=1&refresh=5s&status=running');
  const table = page.getByRole('region', { name: 'Recent workflow runs' });
  await expect(table.getByRole('link').first()).toBeVisible();
  const rows = (await table.getByRole('row').all()).slice(1);
  let chosen = rows[0]!;
  for (const row of rows) {
    const text = (await row.textContent()) ?? '';
    if (LONG_WORKFLOWS.some((workflow) => text.includes(workflow))) {
      chosen = row;
      break;
    }
  }
  const link = chosen.getByRole('link');
  const id = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: `Execution ${id}` })).toBeVisible();
  return id;
}

const lastUpdate = async (locator: Locator) =>
  Number((await locator.getAttribute('data-last-update')) || 0);

async function shownSteps(page: Page): Promise<string[]> {
  return page
    .locator('[data-step-id]')
    .evaluateAll((rows) =>
      rows.map(
        (row) => `${row.getAttribute('data-step-id')}:${row.getAttribute('data-step-status')}`,
      ),
    );
}

/** The run's started steps according to the gateway's REST snapshot. */
async function restSteps(page: Page, id: string): Promise<string[]> {
  return page.evaluate(async (executionId) => {
    const { fetch: demoFetch } = (window as { observatoryDemo?: { fetch: typeof fetch } })
      .observatoryDemo!;
    const response = await demoFetch(
      `/demo/gateway/api/v1/observability/executions/${executionId}`,
    );
    const body = (await response.json()) as {
      data: { steps: Array<{ id: string; status: string }> };
    };
    return body.data.steps
      .filter((step) => step.status !== 'pending')
      .map((step) => `${step.id}:${step.status}`);
  }, id);
}

test('a run stays correct while its socket is cut: polling, then live over WebSocket again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const id = await openRunningExecution(page);
  const indicator = page.getByTestId('connection-indicator');
  const runStatus = page.getByTestId('execution-live-status');
  await expect(indicator).toHaveAttribute('data-status', 'live');
  await expect(indicator).toHaveAttribute('data-transport', 'websocket');
  await expect(indicator).toContainText('Live · WebSocket');
  await expect(runStatus).toHaveAttribute('data-transport', 'websocket');
  await expect(page.locator('[data-step-id]').first()).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await refuseSockets(page, true);

  // Metrics fall back to Server-Sent Events, the run (which has no event stream) to polling.
  await expect(indicator).toHaveAttribute('data-transport', /^(sse|polling)$/, { timeout: 5_000 });
  await expect(indicator).toContainText(/Live · SSE|Polling/);
  await expect(runStatus).not.toHaveAttribute('data-transport', 'websocket', { timeout: 5_000 });
  const finishedEarly = (await runStatus.textContent())?.includes('Finished') ?? false;
  if (!finishedEarly) {
    await expect(runStatus).toHaveAttribute('data-status', 'polling');
    await expect(runStatus).toContainText('Polling');
  }
  expect(await shownSteps(page)).not.toHaveLength(0);

  // Data keeps arriving while the socket is refused.
  const metricsBefore = await lastUpdate(indicator);
  await expect.poll(() => lastUpdate(indicator), { timeout: 6_000 }).toBeGreaterThan(metricsBefore);
  if (!finishedEarly) {
    const runBefore = await lastUpdate(runStatus);
    await expect.poll(() => lastUpdate(runStatus), { timeout: 8_000 }).toBeGreaterThan(runBefore);
  }

  await refuseSockets(page, false);

  // The client probes the WebSocket every 15 s and climbs back as soon as one opens.
  await expect(indicator).toHaveAttribute('data-transport', 'websocket', { timeout: 25_000 });
  await expect(indicator).toContainText('Live · WebSocket');
  await expect(async () => {
    const text = (await runStatus.textContent()) ?? '';
    const transport = await runStatus.getAttribute('data-transport');
    expect(transport === 'websocket' || text.includes('Finished')).toBe(true);
  }).toPass({ timeout: 25_000 });

  // Every started step is shown exactly once, as the gateway's own snapshot has it.
  await expect(async () => {
    const [shown, expected] = await Promise.all([shownSteps(page), restSteps(page, id)]);
    const ids = shown.map((entry) => entry.split(':')[0]);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...shown].sort()).toEqual([...expected].sort());
  }).toPass({ timeout: 10_000 });
  await expect(page.getByRole('region', { name: 'Run' })).toHaveAttribute('data-stale', 'false');
});
