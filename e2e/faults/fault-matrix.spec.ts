import { expect, expectedMessage, test, type Fault } from './faults';

const VIEWS = [
  { path: '/health', heading: 'Health' },
  { path: '/agents', heading: 'Agents' },
  { path: '/errors', heading: 'Errors' },
  { path: '/resources', heading: 'Resources' },
] as const;
const FAULTS: Fault[] = ['down', 'slow', '5xx', 'malformed'];

/** view → fault → outcome, printed as a table once every case has run. */
const matrix = new Map<string, Record<string, string>>();
const record = (view: string, fault: string, outcome: string) =>
  matrix.set(view, { ...(matrix.get(view) ?? {}), [fault]: outcome });

test.describe('Prometheus fault matrix', () => {
  test.afterAll(() => {
    const rows = [...matrix.entries()].map(([view, faults]) => ({ view, ...faults }));
    console.log('\nFault matrix (Prometheus): message shown, rest of the app usable, recovered');
    console.table(rows);
  });

  for (const view of VIEWS) {
    for (const fault of FAULTS) {
      test(`${view.path} with Prometheus ${fault}: precise message, app usable, recovers`, async ({
        page,
        backends,
      }) => {
        record(view.heading, fault, 'failed');
        // No gateway: every panel, live numbers included, reads the faulty Prometheus.
        await backends.install({ gateway: false, prometheus: fault });
        const message = expectedMessage(fault, backends.prometheus.origin);
        await page.goto(`${view.path}?from=now-1h&to=now`);
        await expect(page.getByRole('heading', { level: 1, name: view.heading })).toBeVisible();

        // The affected panels say what happened, in words, with the backend's part.
        const failed = page.locator('[data-panel]').filter({ hasText: message });
        await expect(failed.first()).toBeVisible({ timeout: 15_000 });
        // Panels that do not read Prometheus are unaffected.
        await expect(page.getByText('Something went wrong')).toHaveCount(0);

        // The rest of the app keeps working: navigate away and back.
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Traces' })
          .click();
        await expect(page.getByRole('heading', { level: 1, name: 'Traces' })).toBeVisible();
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: view.heading })
          .click();
        await expect(page.getByRole('heading', { level: 1, name: view.heading })).toBeVisible();

        // Backend returns: a refresh brings the data back and the messages go.
        await backends.prometheus.set(null);
        await page.getByRole('button', { name: 'Refresh now' }).click();
        await expect(page.locator('[data-panel]').filter({ hasText: message })).toHaveCount(0, {
          timeout: 15_000,
        });
        await expect(page.getByText('Query failed')).toHaveCount(0);
        record(view.heading, fault, 'ok');
      });
    }
  }
});
