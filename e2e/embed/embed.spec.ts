import type { Frame, Page } from '@playwright/test';
import { appFrame, expect, received, test } from './fixtures';
import type { EmbedStack } from './stack';

const TOKEN = 'portal-issued.token-4f9c2e';

type Portal = { page: Page; frame: Frame };

/** Opens the portal page embedding `path` of the app and waits for the app to be ready. */
async function openPortal(
  page: Page,
  stack: EmbedStack,
  path = '/health?embed=1',
  options: { referrerPolicy?: 'no-referrer' } = {},
): Promise<Portal> {
  await page.goto(
    stack.portal.pageUrl({
      src: `${stack.app.origin}${path}`,
      appOrigin: stack.app.origin,
      ...options,
    }),
  );
  await expect
    .poll(async () => (await received(page)).map((m) => m.data.type))
    .toContain('observatory:ready');
  return { page, frame: await appFrame(page) };
}

type EmbedStats = { accepted: number; rejectedOrigin: number; invalid: number };

function embedStats(frame: Frame): Promise<EmbedStats | undefined> {
  return frame.evaluate(
    () => (window as unknown as { __observatoryEmbedStats?: EmbedStats }).__observatoryEmbedStats,
  );
}

function callHelper(page: Page, script: string): Promise<void> {
  return page.evaluate(script);
}

test('the app announces itself to the portal, and only to the portal', async ({ page, stack }) => {
  await openPortal(page, stack);
  const messages = await received(page);
  const types = messages.map((m) => m.data.type);
  // The app announces itself on start and answers every hello with ready; the helper's hellos
  // (every 250 ms until it hears back) can cross that announcement, so ready may come twice.
  const readies = messages.filter((m) => m.data.type === 'observatory:ready');
  expect(readies.length).toBeGreaterThanOrEqual(1);
  expect(readies.length).toBeLessThanOrEqual(2);
  expect(types).toContain('observatory:state');
  expect(types).toContain('observatory:resize');
  expect(messages.every((m) => m.origin === stack.app.origin)).toBe(true);
  expect(messages.find((m) => m.data.type === 'observatory:ready')?.data).toEqual({
    type: 'observatory:ready',
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    protocol: 1,
  });
});

test('embed=1 hides the navigation but keeps the time controls', async ({ page, stack }) => {
  const { frame } = await openPortal(page, stack);
  await expect(frame.getByRole('heading', { level: 1, name: 'Health' })).toBeVisible();
  await expect(frame.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(frame.getByTestId('time-range-button')).toBeVisible();
});

test('controls=0 hides the time controls as well', async ({ page, stack }) => {
  const { frame } = await openPortal(page, stack, '/health?embed=1&controls=0');
  await expect(frame.getByRole('heading', { level: 1, name: 'Health' })).toBeVisible();
  await expect(frame.getByTestId('time-range-button')).toHaveCount(0);
});

test('set-theme from the portal turns the app dark', async ({ page, stack }) => {
  const { frame } = await openPortal(page, stack);
  await expect(frame.locator('html')).not.toHaveClass(/dark/);
  await callHelper(page, `window.observatory.setTheme('dark')`);
  await expect(frame.locator('html')).toHaveClass(/dark/);
  await expect(frame.getByTestId('theme-picker')).toHaveValue('dark');
});

test('set-time-range moves the range in the app URL and its controls', async ({ page, stack }) => {
  const { frame } = await openPortal(page, stack);
  await callHelper(page, `window.observatory.setTimeRange('now-6h', 'now')`);
  await expect(frame.getByTestId('time-range-button')).toContainText('Last 6 hours');
  expect(new URL(frame.url()).searchParams.get('from')).toBe('now-6h');
  await expect
    .poll(
      async () =>
        (await received(page)).filter((m) => m.data.type === 'observatory:state').at(-1)?.data,
    )
    .toMatchObject({ range: { from: 'now-6h', to: 'now' } });
});

test('an invalid time range is refused with an error message to the portal', async ({
  page,
  stack,
}) => {
  const { frame } = await openPortal(page, stack);
  await callHelper(page, `window.observatory.setTimeRange('next week', 'now')`);
  await expect
    .poll(async () => (await received(page)).find((m) => m.data.type === 'observatory:error')?.data)
    .toMatchObject({ code: 'invalid-time-range', request: 'observatory:set-time-range' });
  await expect(frame.getByTestId('time-range-button')).toContainText('Last 1 hour');
});

test('set-auth puts the bearer token on Prometheus requests and nowhere else', async ({
  page,
  stack,
}) => {
  const { frame } = await openPortal(page, stack);
  await expect(frame.getByRole('heading', { level: 1, name: 'Health' })).toBeVisible();
  // Panels scrolled into view by the growing frame query first; the token must not race them.
  await expect
    .poll(() => Date.now() - (stack.prometheus.requests.at(-1)?.at ?? 0), { timeout: 15_000 })
    .toBeGreaterThan(750);
  const before = Date.now();
  await callHelper(page, `window.observatory.setAuth(${JSON.stringify(TOKEN)})`);
  const queriesSince = () =>
    stack.prometheus.requests.filter(
      (r) => r.at >= before && /^\/api\/v1\/query(_range)?$/.test(r.path),
    );
  await expect.poll(() => queriesSince().length).toBeGreaterThan(0);
  expect(queriesSince().map((r) => r.authorization)).toEqual(
    queriesSince().map(() => `Bearer ${TOKEN}`),
  );

  expect(frame.url()).not.toContain(TOKEN);
  const stored = await frame.evaluate(() =>
    JSON.stringify([{ ...window.localStorage }, { ...window.sessionStorage }, document.cookie]),
  );
  expect(stored).not.toContain(TOKEN);
  expect(stack.app.accessLog()).not.toContain(TOKEN);
});

test('set-variables lands in the app URL as var-* parameters', async ({ page, stack }) => {
  const { frame } = await openPortal(page, stack, '/agents?embed=1');
  await callHelper(page, `window.observatory.setVariables({ agent: ['planner', 'coder'] })`);
  await expect
    .poll(() => new URL(frame.url()).searchParams.getAll('var-agent'))
    .toEqual(['planner', 'coder']);
});

test('auto-height: the iframe takes the height of the app content', async ({ page, stack }) => {
  const { frame } = await openPortal(page, stack);
  await expect(frame.getByRole('heading', { level: 1, name: 'Health' })).toBeVisible();
  const iframe = page.locator('iframe#observatory');
  await expect
    .poll(async () => {
      const content = await frame.evaluate(() =>
        Math.ceil(document.documentElement.getBoundingClientRect().height),
      );
      const box = await iframe.boundingBox();
      return content > 150 && Math.abs((box?.height ?? 0) - content) <= 3;
    })
    .toBe(true);
  // Debounced and deduplicated: between two announcements, consecutive reports always differ.
  // Each announcement (ready, answering a hello) restates the height, so the host that said
  // hello gets it even if it is unchanged; hellos can cross the app's own first announcement.
  let previous: number | null = null;
  let repeats = 0;
  for (const { data } of await received(page)) {
    if (data.type === 'observatory:ready') previous = null;
    if (data.type !== 'observatory:resize') continue;
    const { height } = data as { height: number };
    if (height === previous) repeats++;
    previous = height;
  }
  expect(repeats).toBe(0);
});

test('a portal that hides its referrer is still found through the helper', async ({
  page,
  stack,
}) => {
  const { frame } = await openPortal(page, stack, '/health?embed=1', {
    referrerPolicy: 'no-referrer',
  });
  expect(await frame.evaluate(() => document.referrer)).toBe('');
  await callHelper(page, `window.observatory.setTheme('dark')`);
  await expect(frame.locator('html')).toHaveClass(/dark/);
});

test('a single panel embeds without chrome, and an unknown id lists the valid ones', async ({
  page,
  stack,
}) => {
  const { frame } = await openPortal(page, stack, '/embed/panel/health.throughput');
  await expect(frame.getByRole('heading', { name: 'Throughput' })).toBeVisible();
  await expect(frame.getByTestId('time-range-button')).toHaveCount(0);
  await expect(frame.getByRole('navigation')).toHaveCount(0);

  const other = await openPortal(page, stack, '/embed/panel/health.bogus');
  await expect(other.frame.getByRole('alert')).toContainText('Unknown panel “health.bogus”');
  await expect(
    other.frame
      .getByRole('list', { name: 'Valid panel ids' })
      .getByText('health.success-rate', { exact: true }),
  ).toBeVisible();
});

test('messages from a page whose origin is not allowed are ignored and counted', async ({
  page,
  stack,
}) => {
  await page.goto(
    stack.stranger.pageUrl({
      src: `${stack.app.origin}/health?embed=1`,
      appOrigin: stack.app.origin,
    }),
  );
  const frame = await appFrame(page);
  await expect(frame.getByRole('heading', { level: 1, name: 'Health' })).toBeVisible();
  await page.evaluate((origin) => {
    const iframe = document.querySelector('iframe');
    iframe?.contentWindow?.postMessage({ type: 'observatory:set-theme', theme: 'dark' }, origin);
    iframe?.contentWindow?.postMessage({ type: 'observatory:set-auth', token: 'x' }, origin);
  }, stack.app.origin);
  await expect
    .poll(async () => (await embedStats(frame))?.rejectedOrigin)
    .toBeGreaterThanOrEqual(2);
  expect((await embedStats(frame))?.accepted).toBe(0);
  await expect(frame.locator('html')).not.toHaveClass(/dark/);
  expect((await received(page)).filter((m) => m.origin === stack.app.origin)).toEqual([]);
});

test('the copy-paste snippet in docs/embedding.md themes, ranges and sizes the frame', async ({
  page,
  stack,
}) => {
  await page.goto(stack.portal.snippetUrl(`${stack.app.origin}/health?embed=1`));
  const frame = await appFrame(page);
  await expect(frame.locator('html')).toHaveClass(/dark/);
  await expect(frame.getByTestId('time-range-button')).toContainText('Last 6 hours');
  const iframe = page.locator('iframe#observatory');
  await expect
    .poll(async () => {
      const content = await frame.evaluate(() =>
        Math.ceil(document.documentElement.getBoundingClientRect().height),
      );
      return Math.abs(((await iframe.boundingBox())?.height ?? 0) - content) <= 3;
    })
    .toBe(true);
});
