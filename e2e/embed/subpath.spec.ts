import { expect, test } from './fixtures';
import { SUBPATH } from './stack';

test.describe(`a build served under ${SUBPATH}`, () => {
  test('loads its config and assets from the subpath and routes inside it', async ({
    page,
    subpathApp,
  }) => {
    await page.goto(`${subpathApp.origin}${SUBPATH}`);
    await expect(page).toHaveURL(`${subpathApp.origin}${SUBPATH}health`);
    await expect(page.getByRole('heading', { level: 1, name: 'Health' })).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Agents' })
      .click();
    await expect(page).toHaveURL(new RegExp(`${SUBPATH}agents`));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Agents' })).toBeVisible();
  });

  test('caches its hashed assets and falls back to its own index.html', async ({ subpathApp }) => {
    const index = await (await fetch(`${subpathApp.origin}${SUBPATH}errors`)).text();
    const asset = new RegExp(`src="(${SUBPATH}assets/[^"]+\\.js)"`).exec(index)?.[1];
    expect(asset).toBeDefined();
    const response = await fetch(`${subpathApp.origin}${asset}`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(
      (await fetch(`${subpathApp.origin}${SUBPATH}config.json`)).headers.get('cache-control'),
    ).toBe('no-cache');
  });
});
