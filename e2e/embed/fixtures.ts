import type { Frame, Page } from '@playwright/test';
import { test as base, expect } from '../fixtures';
import { startEmbedStack, startSubpathApp, type EmbedStack } from './stack';
import type { Nginx } from './nginx';

export { expect };

type Fixtures = {
  /** Every Content-Security-Policy violation reported in any frame of the page. */
  cspViolations: string[];
};

/**
 * The embed stack (build, nginx, Prometheus stub, portal pages) once per worker, and a CSP
 * watch on every page: a test fails on any violation, as it does on any console error.
 */
export const test = base.extend<Fixtures, { stack: EmbedStack; subpathApp: Nginx }>({
  stack: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture names from the pattern
    async ({}, provide) => {
      const stack = await startEmbedStack();
      await provide(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  /** A second build, served under /observatory/; built only when a test asks for it. */
  subpathApp: [
    async ({ stack }, provide) => {
      const subpath = await startSubpathApp(stack);
      await provide(subpath.app);
      await subpath.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  cspViolations: [
    async ({ page }, provide) => {
      const violations: string[] = [];
      await page.exposeBinding('__reportCspViolation', ({ frame }, text: string) => {
        violations.push(`${frame.url()}: ${text}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __reportCspViolation: (t: string) => void })
            .__reportCspViolation;
          void report(
            `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
          );
        });
      });
      await provide(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

/** The frame showing the app inside a portal page. */
export async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('iframe#observatory').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('the portal page has no Observatory frame');
  return frame;
}

/** Messages the portal page received, as the test page recorded them. */
export function received(page: Page): Promise<Array<{ origin: string; data: { type?: string } }>> {
  return page.evaluate(
    () =>
      (window as unknown as { received: Array<{ origin: string; data: { type?: string } }> })
        .received,
  );
}
