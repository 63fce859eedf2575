import { expect, test } from '../fixtures';
import { deepJson, expectInertPage, HOSTILE_STRINGS } from './payloads';

const TRACE_ID = '00000000000000000000000000abcdef';

/** A Jaeger trace whose names, tags, logs and process carry every hostile string. */
function hostileTrace(): string {
  const values = Object.values(HOSTILE_STRINGS);
  const spans = values.map((v, i) => ({
    traceID: TRACE_ID,
    spanID: `00000000000000${String(i + 1).padStart(2, '0')}`,
    operationName: v,
    references:
      i === 0 ? [] : [{ refType: 'CHILD_OF', traceID: TRACE_ID, spanID: '0000000000000001' }],
    startTime: 1_767_225_600_000_000 + i * 1000,
    duration: 5000 - i * 100,
    tags: [
      { key: 'note', type: 'string', value: v },
      { key: 'http.url', type: 'string', value: HOSTILE_STRINGS.jsUrl },
      { key: 'payload', type: 'string', value: deepJson(5_000) },
      { key: 'error', type: 'bool', value: i % 2 === 0 },
    ],
    logs: [
      {
        timestamp: 1_767_225_600_000_000 + i * 1000 + 10,
        fields: [{ key: 'event', type: 'string', value: v }],
      },
    ],
    processID: 'p1',
  }));
  return JSON.stringify({
    data: [
      {
        traceID: TRACE_ID,
        spans,
        processes: {
          p1: {
            serviceName: HOSTILE_STRINGS.img,
            tags: [{ key: 'host', type: 'string', value: HOSTILE_STRINGS.script }],
          },
        },
      },
    ],
  });
}

async function openFile(page: import('@playwright/test').Page, name: string, body: string) {
  await page.goto('/traces?demo=1');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
}

test('a trace file full of hostile strings opens as inert text and stays usable', async ({
  page,
}) => {
  await openFile(page, 'hostile.json', hostileTrace());
  await expect(page).toHaveURL(/\/traces\/local-/);
  const tree = page.getByRole('tree', { name: 'Spans' });
  await expect(tree).toBeVisible({ timeout: 20_000 });
  // Open every row's detail in turn: attributes, logs and process render as text.
  const rows = tree.getByRole('treeitem');
  const count = await rows.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    await rows.nth(i).click();
  }
  await expectInertPage(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Health' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Health' })).toBeVisible();
});

for (const [name, body] of [
  ['truncated', hostileTrace().slice(0, 5_000)],
  ['wrong-typed', JSON.stringify({ data: [{ traceID: 7, spans: 'none', processes: [] }] })],
  ['deeply nested', deepJson(100_000)],
] as const) {
  test(`a ${name} trace file gets a clear message, nothing thrown`, async ({ page }) => {
    await openFile(page, `${name}.json`, body);
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: /trace|JSON|format/i })
        .first(),
    ).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByRole('heading', { level: 1, name: 'Traces' })).toBeVisible();
  });
}
