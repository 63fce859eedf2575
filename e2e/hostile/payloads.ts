import { expect, type Page } from '@playwright/test';

/** Strings a hostile or broken backend can send; every one must render as inert text. */
export const HOSTILE_STRINGS = {
  script: '<script>window.__pwned = "script"</script>',
  img: '<img src=x onerror="window.__pwned = \'img\'">',
  jsUrl: 'javascript:window.__pwned="href"',
  svg: '<svg onload="window.__pwned=\'svg\'"></svg>',
  rtl: '\u202Eevil\u202C مرحبا שלום',
  emoji: '🔥💥 agent 🤖‍🧠',
  // 100,000 characters: laid out in full, about 700,000 px wide. A million made each Prometheus
  // answer 6 MB (six labels carry it) and the test time the browser's decoding, which grows in
  // step with the size, with no sign of worse.
  long: `long-${'x'.repeat(100_000)}`,
} as const;

export type HostileKey = keyof typeof HOSTILE_STRINGS;

/** A JSON value nested this deep, for parsers that recurse. */
export function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/**
 * What every view must hold after rendering hostile data: no script ran, no element came from a
 * backend string, no link built from data leaves http(s), and no value was laid out in full.
 */
export async function expectInertPage(page: Page) {
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await page.locator('#root img[src="x"], #root svg[onload], #root script').count()).toBe(0);
  const hrefs = await page
    .locator('#root a[href]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href).not.toMatch(/^\s*javascript:/i);
  const widest = await page.evaluate(() =>
    Math.max(
      ...[...document.querySelectorAll('#root *')].map((e) => e.getBoundingClientRect().width),
    ),
  );
  expect(widest).toBeLessThan(5_000);
}
