import { DEMO_EPOCH, expect, seriousA11yViolations, test, useConfig } from './fixtures';

test.use({ demoClock: DEMO_EPOCH });

const ROUTES = [
  { path: '/health', heading: 'Health' },
  { path: '/agents', heading: 'Agents' },
  { path: '/errors', heading: 'Errors' },
  { path: '/resources', heading: 'Resources' },
  { path: '/traces', heading: 'Traces' },
  { path: '/executions', heading: 'Executions' },
];

test('home redirects to Health and keeps the query string', async ({ page }) => {
  await page.goto('/?demo=1&from=now-6h&to=now');
  await expect(page).toHaveURL(/\/health\?demo=1&from=now-6h&to=now$/);
  await expect(page.getByTestId('time-range-button')).toContainText('Last 6 hours');
});

for (const route of ROUTES) {
  test(`${route.path} renders in demo mode with no console errors and no serious a11y violations`, async ({
    page,
  }) => {
    await page.goto(`${route.path}?demo=1`);
    await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: route.heading }),
    ).toHaveAttribute('aria-current', 'page');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
}

test('navigation keeps the time range, refresh and time zone', async ({ page }) => {
  await page.goto('/health?demo=1&from=now-3h&to=now&refresh=off&tz=utc');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Errors' })
    .click();
  await expect(page).toHaveURL(/\/errors\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('from')).toBe('now-3h');
  expect(url.searchParams.get('refresh')).toBe('off');
  expect(url.searchParams.get('tz')).toBe('utc');
});

test('a range chosen in the picker is in the URL and survives a reload', async ({ page }) => {
  await page.goto('/agents?demo=1');
  await page.getByTestId('time-range-button').click();
  await page.getByRole('button', { name: 'Last 24 hours' }).click();
  await expect(page).toHaveURL(/from=now-24h/);
  await page.getByTestId('refresh-picker').selectOption('1m');
  await page.getByTestId('tz-picker').selectOption('utc');
  // The choices reach the URL before the reload reads it.
  await expect(page).toHaveURL(/refresh=1m/);
  await expect(page).toHaveURL(/tz=utc/);
  await page.reload();
  await expect(page.getByTestId('time-range-button')).toContainText('Last 24 hours');
  await expect(page.getByTestId('refresh-picker')).toHaveValue('1m');
  await expect(page.getByTestId('tz-picker')).toHaveValue('utc');
});

test('typed ranges are validated with a message, and applied when valid', async ({ page }) => {
  await page.goto('/health?demo=1');
  await page.getByTestId('time-range-button').click();
  const dialog = page.getByRole('dialog', { name: 'Time range' });
  await dialog.getByLabel('From').fill('now-5x');
  await dialog.getByRole('button', { name: 'Apply time range' }).click();
  await expect(dialog.getByRole('alert')).toContainText('From:');
  await dialog.getByLabel('From').fill('now-2d/d');
  await dialog.getByLabel('To').fill('now/d');
  await dialog.getByRole('button', { name: 'Apply time range' }).click();
  await expect(page).toHaveURL(/from=now-2d%2Fd&to=now%2Fd|from=now-2d\/d&to=now\/d/);
});

test('keyboard: t ← shifts to an absolute range, t z zooms out, ? lists shortcuts', async ({
  page,
}) => {
  await page.goto('/health?demo=1&from=1767225600000&to=1767229200000');
  await page.locator('main').click();
  await page.keyboard.press('t');
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/from=1767223800000&to=1767227400000/);
  await page.keyboard.press('t');
  await page.keyboard.press('z');
  await expect(page).toHaveURL(/from=1767222000000&to=1767229200000/);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  // The trace view's own keys are listed too, not only the global ones.
  await expect(help.getByRole('region', { name: 'Trace waterfall' })).toContainText(
    'Collapse the span, or go to its parent',
  );
  await expect(help.getByRole('region', { name: 'Find in trace' })).toContainText('Previous match');
});

test('copy absolute link turns a relative range into fixed times', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/resources?demo=1&from=now-1h&to=now');
  const before = await page.evaluate(() => Date.now());
  await page.getByRole('button', { name: 'Copy absolute link' }).click();
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  const from = Number(link.searchParams.get('from'));
  const to = Number(link.searchParams.get('to'));
  expect(to - from).toBe(3_600_000);
  expect(Math.abs(to - before)).toBeLessThan(120_000);
  expect(link.pathname).toBe('/resources');
});

test('theme switch: dark is applied, kept in the URL and across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/health?demo=1');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.getByTestId('theme-picker').selectOption('dark');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page).toHaveURL(/theme=dark/);
  const background = await page
    .locator('body > div > div')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgb(248, 250, 252)');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
});

test('system theme follows the OS', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/health?demo=1&theme=system');
  await expect(page.locator('html')).toHaveClass(/dark/);
});

test('at 800 px (iframe size) every control is reachable and nothing overflows', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto('/traces?demo=1');
  await expect(page.getByTestId('time-range-button')).toBeVisible();
  await expect(page.getByTestId('theme-picker')).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Executions' }),
  ).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a broken config.json shows every problem with its path', async ({ page }) => {
  await useConfig(page, {
    datasources: { prometheus: { url: '' } },
    defaults: { refresh: '7s' },
    colour: 'x',
  });
  await page.goto('/health');
  await expect(page.getByRole('heading', { name: /configuration has problems/ })).toBeVisible();
  const problems = page.getByRole('list', { name: 'Configuration problems' });
  await expect(problems).toContainText('datasources.prometheus.url');
  await expect(problems).toContainText('defaults.refresh');
  await expect(problems).toContainText('unknown key "colour"');
});

test('config.json that is not JSON is reported, not a blank page', async ({ page }) => {
  await useConfig(page, '{"demo": tru');
  await page.goto('/health');
  await expect(page.getByRole('list', { name: 'Configuration problems' })).toContainText(
    'is not valid JSON',
  );
});

test('an invalid range in a shared link is reported and the default is used', async ({ page }) => {
  await page.goto('/health?demo=1&from=yesterday-ish&to=now');
  await expect(page.getByRole('alert').filter({ hasText: 'Time range ignored' })).toBeVisible();
  await expect(page.getByTestId('time-range-button')).toContainText('Last 1 hour');
});
