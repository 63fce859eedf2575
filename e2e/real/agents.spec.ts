import {
  expect,
  serveStackConfig,
  SHORT_RANGE,
  SHORT_RANGE_SECONDS as S,
  test,
  waitForShortRangeHistory,
} from './fixtures';
import { expectNoFailedPanels, expectShownNear, legend, panel, reveal, rowWith } from './ui';
import { EXPECTED } from './expected';

const { perAgent, toolCallsPerSecond, modelsPerSecond } = EXPECTED.aet;
const { genai } = EXPECTED;

// Columns of the per-agent table.
const REQ_PER_S = 1;
const SUCCESS = 2;
const P50 = 3;
const P95 = 4;
const P99 = 5;
const TOKENS = 6;
const COST = 7;

test.beforeEach(async ({ stack }) => {
  await waitForShortRangeHistory(stack);
});

test('the per-agent table shows each agent’s rate, success, percentiles, tokens and cost', async ({
  page,
  stack,
}) => {
  await serveStackConfig(page, stack);
  await page.goto(`/agents?${SHORT_RANGE}`);
  const table = page.getByTestId('agents-table').getByRole('table');
  const rows = table.locator('tbody tr');
  // Busiest first: 600, 400 and 200 req/s.
  await expect(rows.locator('td:first-child')).toHaveText(['reviewer', 'coder', 'planner']);

  const shown = {
    reviewer: { success: '100%', p50: '2 s', p95: '2.9 s', p99: '2.98 s' },
    coder: { success: '83.33%', p50: '600 ms', p95: '960 ms', p99: '992 ms' },
    planner: { success: '85.71%', p50: '400 ms', p95: '580 ms', p99: '596 ms' },
  } as const;
  for (const agent of ['reviewer', 'coder', 'planner'] as const) {
    const cells = rowWith(table, agent).getByRole('cell');
    await expect(cells.nth(SUCCESS), agent).toHaveText(shown[agent].success);
    await expect(cells.nth(P50), agent).toHaveText(shown[agent].p50);
    await expect(cells.nth(P95), agent).toHaveText(shown[agent].p95);
    await expect(cells.nth(P99), agent).toHaveText(shown[agent].p99);
    await expectShownNear(cells.nth(REQ_PER_S), perAgent[agent].requestsPerSecond, {
      unit: ' req/s',
    });
    await expectShownNear(cells.nth(TOKENS), perAgent[agent].tokensPerSecond * S);
    await expectShownNear(cells.nth(COST), perAgent[agent].costPerSecond * S, { prefix: '$' });
  }
  // The reviewer's p95 (2.9 s) is over the 1.8 s objective; the others are not.
  await expect(rowWith(table, 'reviewer').getByRole('cell').nth(P95).locator('span')).toHaveClass(
    /amber/,
  );
  await expect(
    rowWith(table, 'planner').getByRole('cell').nth(P95).locator('span'),
  ).not.toHaveClass(/amber/);

  const operations = panel(page, 'Requests per second by operation · all agents');
  await expect(legend(operations)).toHaveText(['chat', 'generate', 'plan', 'review']);

  const tools = await reveal(panel(page, 'Tool (MCP) calls · all agents'));
  const toolTable = tools.getByRole('table');
  await expect(toolTable.locator('tbody tr')).toHaveCount(toolCallsPerSecond.length);
  for (const call of toolCallsPerSecond) {
    const status = call.status === 'error' ? '✕ error' : call.status;
    const row = rowWith(toolTable, call.agent, call.tool, status);
    await expectShownNear(row.getByRole('cell').last(), call.calls * S);
  }

  const models = (await reveal(page.getByTestId('model-usage'))).getByRole('table');
  await expect(models.locator('tbody tr')).toHaveCount(2);
  for (const [model, usage] of Object.entries(modelsPerSecond)) {
    const cells = rowWith(models, model, usage.provider).getByRole('cell');
    await expectShownNear(cells.nth(2), usage.input * S);
    await expectShownNear(cells.nth(3), usage.output * S);
    await expectShownNear(cells.nth(4), (usage.input + usage.output) * S);
    await expectShownNear(cells.nth(5), usage.cost * S, { prefix: '$' });
  }
  await expectNoFailedPanels(page);
});

test('picking an agent narrows the charts and tables below to it, and the link keeps it', async ({
  page,
  stack,
}) => {
  await serveStackConfig(page, stack);
  await page.goto(`/agents?${SHORT_RANGE}`);
  await page
    .getByTestId('agents-table')
    .getByRole('button', { name: 'reviewer', exact: true })
    .click();
  await expect(page).toHaveURL(/var-agent=reviewer/);
  await expect(page.getByTestId('agent-scope')).toContainText('Showing: reviewer');

  // The reviewer calls no tools.
  const tools = await reveal(panel(page, 'Tool (MCP) calls · reviewer'));
  await expect(tools).toContainText('No data in this time range.');

  // Only the reviewer's tokens: 600 + 70 on claude-sonnet-4, 550 input on gpt-4o, a tick.
  const models = (await reveal(page.getByTestId('model-usage'))).getByRole('table');
  await expect(models.locator('tbody tr')).toHaveCount(2);
  const claude = rowWith(models, 'claude-sonnet-4').getByRole('cell');
  await expectShownNear(claude.nth(2), 60_000 * S);
  await expectShownNear(claude.nth(3), 7_000 * S);
  const gpt = rowWith(models, 'gpt-4o').getByRole('cell');
  await expectShownNear(gpt.nth(2), 55_000 * S);
  await expect(gpt.nth(3)).toHaveText('0');

  // The reviewer has one operation: one series, so no legend (all agents have four).
  const operations = panel(page, 'Requests per second by operation · reviewer');
  await expect(operations.getByTestId('timeseries')).toBeVisible();
  await expect(legend(operations)).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('agent-scope')).toContainText('Showing: reviewer');
  await expect(
    page.getByTestId('agents-table').getByRole('button', { name: 'reviewer', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
});

test('the reviewer’s latency chart marks exemplars that open the trace of each request', async ({
  page,
  stack,
}) => {
  await serveStackConfig(page, stack);
  await page.goto(`/agents?${SHORT_RANGE}&var-agent=reviewer`);
  const chart = await reveal(panel(page, 'p95 latency by operation · reviewer'));
  // Exemplars scraped from the exporter's OpenMetrics: trace ids it made (7e57…), values of
  // the reviewer's 1.9–2.1 s responses.
  const exemplars = chart.getByRole('link', { name: /^Exemplar .*: open trace 7e57[0-9a-f]{28}$/ });
  await expect(exemplars.first()).toBeVisible();
  const label = (await exemplars.first().getAttribute('aria-label')) ?? '';
  expect(label).toMatch(/^Exemplar (1\.9|2|2\.1) s at /);
  const traceId = /open trace ([0-9a-f]{32})$/.exec(label)?.[1] ?? 'none';

  await chart.getByRole('link', { name: label, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}\\?`));
  // This stack has no trace backend; the trace view says so, naming the exemplar's trace.
  await expect(
    page.getByText(`No trace backend is configured, so trace ${traceId} cannot be fetched.`),
  ).toBeVisible();
});

test('with the otel-genai preset the table and tool calls come from the GenAI histograms', async ({
  page,
  stack,
}) => {
  await serveStackConfig(page, stack, { preset: 'otel-genai' });
  await page.goto(`/agents?${SHORT_RANGE}`);
  const table = page.getByTestId('agents-table').getByRole('table');
  await expect(table.locator('tbody tr')).toHaveCount(3);

  const shown = {
    planner: { success: '100%', p50: '240 ms', p95: '312 ms', p99: '318 ms' },
    coder: { success: '100%', p50: '80 ms', p95: '608 ms', p99: '634 ms' },
    reviewer: { success: '50%', p50: '1.92 s', p95: '2.5 s', p99: '2.55 s' },
  } as const;
  for (const agent of ['planner', 'coder', 'reviewer'] as const) {
    const cells = rowWith(table, agent).getByRole('cell');
    await expect(cells.nth(SUCCESS), agent).toHaveText(shown[agent].success);
    await expect(cells.nth(P50), agent).toHaveText(shown[agent].p50);
    await expect(cells.nth(P95), agent).toHaveText(shown[agent].p95);
    await expect(cells.nth(P99), agent).toHaveText(shown[agent].p99);
    await expectShownNear(cells.nth(REQ_PER_S), genai.perAgent[agent].operationsPerSecond, {
      unit: ' req/s',
    });
    // Tokens are the same histograms under either preset.
    await expectShownNear(cells.nth(TOKENS), perAgent[agent].tokensPerSecond * S);
  }

  const tools = (await reveal(panel(page, 'Tool calls · all agents'))).getByRole('table');
  await expect(tools.locator('tbody tr')).toHaveCount(genai.toolCallsPerSecond.length);
  for (const call of genai.toolCallsPerSecond) {
    const row = rowWith(tools, call.agent, call.tool, call.status);
    await expectShownNear(row.getByRole('cell').last(), call.calls * S);
  }
  await expectNoFailedPanels(page);
});
