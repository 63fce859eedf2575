import { test as base, expect, type Frame, type Page } from '@playwright/test';
import { encodeTraceId } from '../mocks/traces/trace-ids';
import { listen } from './embed/processes';
import { STARTUP_DEADLINE_MS } from '../src/config/defaults';
// Imported under another name: the lint rules read a `use…` call as a React hook.
import { DEMO_EPOCH, useConfig as serveConfig } from './fixtures';

/**
 * Every way start-up can fail, in every place the app runs: a tab, a cross-site iframe, a
 * sandboxed one, and one whose third-party storage is blocked. Each ends, within the deadline,
 * in the working app or in words with a way out; inside a frame the portal is told.
 */

/**
 * Failed requests are the point here, so the browser's console lines about them are expected;
 * an uncaught exception never is.
 */
const test = base.extend<{ uncaught: string[] }, { portal: string }>({
  /** The portal's origin: a page that frames `?src=` (sandboxed with `&sandbox=1`). */
  portal: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture names from the pattern
    async ({}, provide) => {
      const server = await listen((req, res) => {
        const query = new URL(req.url ?? '/', 'http://portal').searchParams;
        res.writeHead(200, { 'Content-Type': 'text/html' }).end(portalHtml(query));
      });
      // Another site than the app's 127.0.0.1, on the same loopback (Chromium blocks a frame of a
      // local address inside a page from a public one).
      await provide(server.origin.replace('127.0.0.1', 'localhost'));
      await server.close();
    },
    { scope: 'worker' },
  ],
  uncaught: [
    async ({ page }, provide) => {
      const uncaught: string[] = [];
      page.on('pageerror', (error) => uncaught.push(error.message));
      await provide(uncaught);
      expect(uncaught, 'uncaught errors').toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ page }, provide) => {
    await page.clock.install({ time: DEMO_EPOCH });
    await provide(page);
  },
});

function portalHtml(query: URLSearchParams): string {
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const sandbox = query.get('sandbox') ? ' sandbox="allow-scripts allow-same-origin"' : '';
  return `<!doctype html><title>Portal</title><link rel="icon" href="data:,">
<script>
  window.received = [];
  addEventListener('message', (e) => {
    if (typeof e.data?.type === 'string' && e.data.type.startsWith('observatory:'))
      window.received.push({ origin: e.origin, data: e.data });
  });
</script>
<iframe src="${attr(query.get('src') ?? '')}"${sandbox} style="width:1100px;height:800px;border:0"></iframe>`;
}
/**
 * Start-up's own deadline is 8 s (STARTUP_DEADLINE_MS) from the request for config.json; the
 * page must say what failed by 10 s after it.
 */
const WORDS_WITHIN_MS = 10_000;

type Place = 'tab' | 'cross-site iframe' | 'sandboxed iframe' | 'third-party storage blocked';
const PLACES: Place[] = [
  'tab',
  'cross-site iframe',
  'sandboxed iframe',
  'third-party storage blocked',
];

const config = (demo: boolean, portal: string) => ({
  title: 'Observatory',
  // A real deployment's Prometheus that is not there: the app must start and say so.
  datasources: demo ? {} : { prometheus: { url: 'http://127.0.0.1:9' } },
  embed: { allowedOrigins: [portal] },
});

/** Chrome with third-party cookies blocked throws on every storage API in a third-party frame. */
function blockStorageInFrames() {
  if (window.top === window) return;
  const denied = () => {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  };
  for (const name of ['localStorage', 'sessionStorage', 'indexedDB'])
    Object.defineProperty(window, name, { get: denied, configurable: true });
}

/**
 * Opens `path` (with `?demo=1` in demo mode) in `place`; returns the frame the app runs in.
 * In a frame, `embed=1` is added as a portal would.
 */
async function open(page: Page, portal: string, place: Place, path: string): Promise<Frame> {
  if (place === 'tab') {
    await page.goto(path);
    return page.mainFrame();
  }
  if (place === 'third-party storage blocked') await page.addInitScript(blockStorageInFrames);
  const src = new URL(path, test.info().project.use.baseURL);
  src.searchParams.set('embed', '1');
  const query = new URLSearchParams({ src: src.href });
  if (place === 'sandboxed iframe') query.set('sandbox', '1');
  await page.goto(`${portal}/?${query}`);
  await expect(page.locator('iframe')).toBeAttached();
  return (await (await page.locator('iframe').elementHandle())!.contentFrame())!;
}

type Received = { origin: string; data: { type: string; code?: string; message?: string } };
const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Received[] }).received);

/** What a failure does to the start-up, and what the user (and portal) must see. */
type Failure = {
  name: string;
  arrange: (page: Page, portal: string) => Promise<unknown>;
  /** The words on the failure page. */
  words: RegExp;
  /** The button that gets the user going again. */
  button: string;
  /** The code the portal is told, or null where config.json (its allow-list) is unreadable. */
  code: string | null;
  /** What the portal is told, in the message beside the code. */
  told?: RegExp;
  /** The app started and only the page failed: the portal also heard `observatory:ready`. */
  appStarted?: boolean;
  /** Runs into the deadline: meanwhile the page says what it waits for, it is never blank. */
  waitsOutDeadline?: boolean;
};

const FAILURES: Failure[] = [
  {
    name: 'config.json never answers',
    arrange: (page) => page.route('**/config.json', () => undefined),
    waitsOutDeadline: true,
    words: /configuration could not be loaded[\s\S]*did not answer within 8 s/,
    button: 'Retry',
    code: null,
  },
  {
    name: 'config.json is missing (404)',
    arrange: (page) => serveConfig(page, 'Not Found', { status: 404 }),
    words: /configuration could not be loaded[\s\S]*HTTP 404/,
    button: 'Retry',
    code: null,
  },
  {
    name: 'config.json is an HTML page',
    arrange: (page) => serveConfig(page, '<!doctype html><html><body>app</body></html>'),
    words: /configuration has problems[\s\S]*is a web page, not JSON/,
    button: 'Retry',
    code: null,
  },
  {
    name: 'config.json is invalid',
    arrange: (page, portal) => serveConfig(page, { ...config(true, portal), preset: 'nope' }),
    words: /configuration has problems[\s\S]*preset/,
    button: 'Retry',
    code: 'config-invalid',
    told: /config\.json has problems: preset:/,
  },
  {
    name: 'the network is offline',
    arrange: (page) => page.route('**/config.json', (route) => route.abort('internetdisconnected')),
    words:
      /configuration could not be loaded[\s\S]*Cannot reach the configuration file config\.json/,
    button: 'Retry',
    code: null,
  },
  {
    name: 'the page’s code is gone after a redeploy',
    arrange: async (page, portal) => {
      await serveConfig(page, config(true, portal));
      await page.route('**/assets/HealthPage-*.js', (route) => route.fulfill({ status: 404 }));
    },
    words: /A new version of Observatory was deployed since this page was opened/,
    button: 'Reload to get the new version',
    code: 'new-version',
    told: /^A new version of Observatory was deployed .*HealthPage-/,
    appStarted: true,
  },
  {
    name: 'the app’s code is gone after a redeploy',
    arrange: async (page, portal) => {
      await serveConfig(page, config(true, portal));
      await page.route('**/assets/start-*.js', (route) => route.fulfill({ status: 404 }));
    },
    words: /Observatory could not start[\s\S]*A new version of Observatory was deployed/,
    button: 'Reload to get the new version',
    code: 'new-version',
    told: /^A new version of Observatory was deployed .*start-/,
  },
];

test.describe.configure({ mode: 'parallel' });

for (const place of PLACES) {
  test.describe(place, () => {
    for (const demo of [true, false]) {
      test(`healthy, ${demo ? 'demo' : 'real backend'}: the app starts`, async ({
        page,
        portal,
      }) => {
        await serveConfig(page, config(demo, portal));
        const app = await open(page, portal, place, `/health${demo ? '?demo=1' : ''}`);
        await expect(app.getByRole('heading', { level: 1, name: 'Health' })).toBeVisible();
        if (demo) await expect(app.getByTestId('stat-value').first()).toHaveText(/\d/);
        else await expect(app.getByText(/Cannot reach Prometheus/).first()).toBeVisible();
        if (place !== 'tab') {
          await expect
            .poll(async () => (await received(page)).map((m) => m.data.type))
            .toContain('observatory:ready');
        }
      });
    }

    test('config.json slow (2 s): the app starts once it arrives', async ({ page, portal }) => {
      await serveConfig(page, config(true, portal), { delayMs: 2_000 });
      const app = await open(page, portal, place, '/health?demo=1');
      await expect(app.getByTestId('stat-value').first()).toHaveText(/\d/, {
        timeout: WORDS_WITHIN_MS,
      });
    });

    for (const failure of FAILURES) {
      test(`${failure.name}: words and a way out`, async ({ page, portal }) => {
        await failure.arrange(page, portal);
        // The app's first act is to ask for config.json: the deadline runs from there.
        const started = page.waitForRequest('**/config.json').then(() => Date.now());
        const app = await open(page, portal, place, '/health?demo=1');
        if (failure.waitsOutDeadline) {
          // Never blank while it waits: the page names what it waits for. Its code has all
          // arrived by then, so the page's clock can run the deadline out at once.
          const waiting = 'Loading Observatory… waiting for /config.json';
          await expect(app.getByRole('status').filter({ hasText: waiting })).toBeVisible();
          await page.clock.fastForward(STARTUP_DEADLINE_MS);
        }
        const alert = app.getByRole('alert').filter({ hasText: failure.words });
        await expect(alert).toBeVisible({
          timeout: WORDS_WITHIN_MS - (Date.now() - (await started)),
        });
        await expect(alert.getByRole('button', { name: failure.button })).toBeVisible();
        if (place === 'tab') return;
        const messages = await received(page);
        if (!failure.appStarted)
          expect(messages.map((m) => m.data.type)).not.toContain('observatory:ready');
        const errors = messages.filter((m) => m.data.type === 'observatory:error');
        if (failure.code === null) {
          // Without a readable config.json nobody is known to be allowed: nothing is posted.
          expect(errors).toEqual([]);
        } else {
          await expect
            .poll(async () =>
              (await received(page)).find((m) => m.data.type === 'observatory:error'),
            )
            .toMatchObject({
              origin: new URL(test.info().project.use.baseURL!).origin,
              data: { code: failure.code, message: expect.stringMatching(failure.told!) },
            });
        }
      });
    }
  });
}

test('trace workers blocked by a CSP worker-src: a demo trace still opens', async ({ page }) => {
  await page.route('**/traces/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': "worker-src 'none'" },
    });
  });
  const traceId = encodeTraceId({
    spans: 40,
    startMs: DEMO_EPOCH - 60_000,
    rootService: 0,
    seed: 7,
  });
  await page.goto(`/traces/${traceId}?demo=1`);
  await expect(page.locator('[data-row-index="0"]')).toBeVisible({ timeout: WORDS_WITHIN_MS });
  await expect(page.getByText('The trace could not be loaded')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page says the app needs JavaScript', async ({ page }) => {
    await page.goto('/health');
    // Playwright's text locators skip <noscript>; its paragraph is found by tag.
    await expect(page.locator('noscript p')).toContainText('Observatory needs JavaScript.');
    await expect(page.getByText('Loading Observatory…')).toBeHidden();
  });
});
