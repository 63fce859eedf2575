import { expect, type Locator, type Page } from '@playwright/test';

/** A panel by its title, whatever state it is in. */
export function panel(page: Page, title: string): Locator {
  return page.locator(`[data-panel="${title}"]`);
}

export function statValue(page: Page, title: string): Locator {
  return panel(page, title).getByTestId('stat-value');
}

/** Panels below the fold only query once on screen. */
export async function reveal(locator: Locator): Promise<Locator> {
  await locator.scrollIntoViewIfNeeded();
  return locator;
}

/** The series names in a chart's legend (shown when it has more than one series). */
export function legend(scope: Locator): Locator {
  return scope.getByRole('list', { name: 'Legend' }).getByRole('button');
}

/** The body row of a table whose cells include every one of `cells`. */
export function rowWith(table: Locator, ...cells: string[]): Locator {
  return cells.reduce(
    (rows, text) =>
      rows.filter({ has: table.page().getByRole('cell', { name: text, exact: true }) }),
    table.locator('tbody tr'),
  );
}

const SI_SCALE: Record<string, number> = { '': 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 };
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export type Figure = { prefix?: string; unit?: string };

/** Reads a figure the app formatted: "1.2K req/s" with unit " req/s" → 1200; null if malformed. */
export function readShown(text: string, { prefix = '', unit = '' }: Figure = {}): number | null {
  const pattern = new RegExp(
    `^${escapeRegex(prefix)}(\\d[\\d,]*(?:\\.\\d+)?)([KMBT]?)${escapeRegex(unit)}$`,
  );
  const match = pattern.exec(text.trim());
  if (!match?.[1]) return null;
  return Number(match[1].replaceAll(',', '')) * (SI_SCALE[match[2] ?? ''] ?? Number.NaN);
}

/**
 * For rates and counts over a short range: rate() sees whole 10 ms ticks and scrape timing
 * jitter, so the value is near, not right to the digit. On a loaded machine the exporter's
 * ticks and the scrapes both run late, and over a 5 s range a lag that differs by 100 ms
 * between its two ends moves the figure by 2 % (CI once showed 460K for 450,000). The 4 %
 * tolerance covers that and the display's three significant digits; the figures the tests
 * tell apart differ by more.
 */
export async function expectShownNear(
  locator: Locator,
  expected: number,
  { tolerance = 0.04, ...figure }: Figure & { tolerance?: number } = {},
): Promise<void> {
  await expectShownWithin(locator, expected * (1 - tolerance), expected * (1 + tolerance), figure);
}

/** The figure a locator shows lies in [low, high]. */
export async function expectShownWithin(
  locator: Locator,
  low: number,
  high: number,
  figure: Figure = {},
): Promise<void> {
  let text = '';
  await expect
    .poll(
      async () => {
        text = ((await locator.textContent()) ?? '').trim();
        const value = readShown(text, figure);
        return value !== null && value >= low && value <= high;
      },
      { message: `shown figure in [${low}, ${high}] (${JSON.stringify(figure)})` },
    )
    .toBe(true)
    .catch((error: unknown) => {
      throw new Error(
        `last shown "${text}": ${error instanceof Error ? error.message : String(error)}`,
      );
    });
}

/** No panel on the page reports a failed query, a failed refresh or a crash. */
export async function expectNoFailedPanels(page: Page): Promise<void> {
  await expect(page.getByText(/query failed|refresh failed|could not be drawn/i)).toHaveCount(0);
}
