import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Where demo-mode tests start the page's clock. The simulated platform is a function of its
 * seed and the time, so a test that starts here sees the same platform on every run, whatever
 * the wall clock says. Time then runs on at its normal pace: streams and refreshes still move.
 */
export const DEMO_EPOCH = Date.parse('2026-03-02T09:30:00Z');

/** Every page in every test is watched: an uncaught error or console error fails the test. */
export const test = base.extend<{ consoleErrors: string[]; demoClock: number | null }>({
  /** Set with `test.use({ demoClock: DEMO_EPOCH })` in files that run the demo. */
  demoClock: [null, { option: true }],
  page: async ({ page, demoClock }, provide) => {
    if (demoClock !== null) await page.clock.install({ time: demoClock });
    await provide(page);
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
      await use(errors);
      expect(errors, 'console errors and uncaught exceptions').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/**
 * Serves a config.json of the test's choosing instead of the built one, optionally with another
 * status or after a delay (a slow server).
 */
export async function useConfig(
  page: Page,
  config: unknown,
  { status = 200, delayMs = 0 }: { status?: number; delayMs?: number } = {},
) {
  await page.route('**/config.json', async (route) => {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    await route.fulfill({
      status,
      contentType: 'application/json',
      body: typeof config === 'string' ? config : JSON.stringify(config),
    });
  });
}
