import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, useConfig } from './fixtures';

/**
 * A Jaeger query service of our own (a real HTTP server, so the trace workers' requests reach
 * it as they would a real one). A Jaeger response's rows are drawn from a quick look at its
 * bytes, before the full parse; these tests hold the page to the full parse's answer.
 */

const START_US = 1_767_225_600_000_000;

const span = (id: string, parent: string | null, more: Record<string, unknown> = {}) => ({
  traceID: 'e2e0000000000001',
  spanID: id,
  operationName: `op ${id}`,
  references: parent ? [{ refType: 'CHILD_OF', traceID: 'e2e0000000000001', spanID: parent }] : [],
  startTime: START_US + Number.parseInt(id, 16),
  duration: 5000,
  tags: [{ key: 'span.kind', type: 'string', value: 'server' }],
  logs: [],
  processID: 'p1',
  warnings: null,
  ...more,
});

function traceBody(spans: unknown[]): string {
  const trace = {
    traceID: 'e2e0000000000001',
    spans,
    processes: { p1: { serviceName: 'checkout', tags: [] } },
    warnings: null,
  };
  return JSON.stringify({ data: [trace], total: 0, limit: 0, offset: 0, errors: null });
}

const GOOD = traceBody([
  span('a1', null),
  span('b2', 'a1', {
    tags: [
      { key: 'db.system', type: 'string', value: 'postgresql' },
      { key: 'error', type: 'bool', value: true },
    ],
    logs: [{ timestamp: START_US + 200, fields: [{ key: 'event', value: 'retry' }] }],
  }),
  span('c3', 'a1'),
]);

const BODIES: Record<string, string> = {
  good: GOOD,
  // A tag without a key: the adapter drops it and says so; the quick look does not read tags.
  'bad-tag': traceBody([span('a1', null), span('b2', 'a1', { tags: [{ value: 'orphan value' }] })]),
  // A raw tab inside a string: not JSON. The quick look does not test for it; JSON.parse does.
  'bad-json': GOOD.replace('op c3', 'op\tc3'),
};

let server: http.Server;
let jaegerUrl = '';

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const id = /^\/api\/traces\/([^/?]+)/.exec(req.url ?? '')?.[1] ?? '';
    const body = BODIES[id];
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Content-Type', 'application/json');
    if (body === undefined) {
      res.statusCode = 404;
      res.end(JSON.stringify({ data: null, errors: [{ code: 404, msg: 'trace not found' }] }));
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jaegerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test.beforeEach(async ({ page }) => {
  await useConfig(page, { datasources: { traces: { kind: 'jaeger', url: jaegerUrl } } });
});

test('a Jaeger trace draws its rows, and every span opens with its full detail', async ({
  page,
}) => {
  await page.goto('/traces/good');
  const rows = page.locator('[data-row-index]');
  await expect(rows).toHaveCount(3);
  await expect(page.locator('[data-row-index="1"]')).toContainText('op b2');
  await page.locator('[data-row-index="1"]').click();
  const detail = page.getByRole('complementary', { name: 'Span detail' });
  await expect(detail).toContainText('postgresql');
  await expect(detail).toContainText('retry');
  await expect(page.getByText('The trace could not be loaded')).toHaveCount(0);
});

test('a tag the parser drops is reported, though the first rows came before the parse', async ({
  page,
}) => {
  await page.goto('/traces/bad-tag');
  await expect(page.locator('[data-row-index]')).toHaveCount(2);
  await expect(page.getByRole('note', { name: 'Warnings' })).toContainText(/tags\[0\]/);
});

test('a response that is not JSON ends in a clear message, even after rows were drawn', async ({
  page,
}) => {
  await page.goto('/traces/bad-json');
  const alert = page.getByRole('alert').filter({ hasText: 'The trace could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/JSON/);
});
