#!/usr/bin/env node
// Time to a working demo: from navigation to the first Health stat showing a number, on the
// demo build (VITE_DEMO=1) with a cold cache, in a top-level tab and in a cross-site iframe (a
// portal on localhost framing the app on 127.0.0.1, as a portal demo embeds it). Each run is a
// fresh browser context. Prints a table and writes bench/results/demo-start.json.
// Usage: node bench/demo-start/run.mjs [--runs 5]
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { buildApp, CHROMIUM_ARGS, machine, median, serveStatic, writeResult } from '../lib.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(args.runs);
const TARGET_IFRAME_MS = 3_000;

function listen(handler) {
  const server = createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port })),
  );
}

/** In every frame: the instant (epoch ms, high resolution) a stat first shows a number. */
function watchForFirstStat() {
  const check = () => {
    if (window.__workingAt) return;
    const stat = document.querySelector('[data-testid="stat-value"]');
    if (stat && /\d/.test(stat.textContent ?? '')) {
      window.__workingAt = performance.timeOrigin + performance.now();
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
  });
}

const dist = mkdtempSync(join(tmpdir(), 'observatory-demo-start-'));
try {
  console.log('building the demo build…');
  buildApp(dist, { demo: true });
  const app = await listen((req, res) => serveStatic(dist, req, res));
  const appOrigin = `http://127.0.0.1:${app.port}`;
  const portal = await listen((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>Portal</title><link rel="icon" href="data:,">
<iframe src="${appOrigin}/health?demo=1&embed=1" style="width:1200px;height:900px;border:0"></iframe>`);
  });
  // Another site than the app's 127.0.0.1, on the same loopback.
  const portalUrl = `http://localhost:${portal.port}/`;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const places = {
    tab: { url: `${appOrigin}/health?demo=1`, frame: (page) => page.mainFrame() },
    crossSiteIframe: {
      url: portalUrl,
      frame: (page) => page.frames().find((f) => f.url().startsWith(appOrigin)),
    },
  };
  const times = { tab: [], crossSiteIframe: [] };
  for (let run = 1; run <= RUNS; run++) {
    for (const [name, place] of Object.entries(places)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      await context.addInitScript(watchForFirstStat);
      const page = await context.newPage();
      await page.goto(place.url);
      const frame = await (async () => {
        for (;;) {
          const found = place.frame(page);
          if (found) return found;
          await page.waitForTimeout(20);
        }
      })();
      await frame.waitForFunction(() => window.__workingAt !== undefined, null, {
        timeout: 60_000,
      });
      const workingAt = await frame.evaluate(() => window.__workingAt);
      const navigationStart = await page.evaluate(() => performance.timeOrigin);
      times[name].push(workingAt - navigationStart);
      await context.close();
    }
    console.log(
      `run ${run}: tab ${times.tab.at(-1).toFixed(0)} ms, cross-site iframe ${times.crossSiteIframe.at(-1).toFixed(0)} ms`,
    );
  }
  const browserVersion = browser.version();
  await browser.close();
  app.server.close();
  portal.server.close();

  const summary = {
    tabMs: Math.round(median(times.tab)),
    crossSiteIframeMs: Math.round(median(times.crossSiteIframe)),
  };
  console.log('\nTime to a working demo (navigation → first Health stat with a number), median');
  console.log(`  top-level tab       ${summary.tabMs} ms`);
  console.log(
    `  cross-site iframe   ${summary.crossSiteIframeMs} ms  (target ≤ ${TARGET_IFRAME_MS} ms: ${summary.crossSiteIframeMs <= TARGET_IFRAME_MS ? 'met' : 'NOT met'})`,
  );
  const file = writeResult('demo-start', {
    bench: 'demo-start',
    date: new Date().toISOString(),
    machine: { ...machine(browserVersion), loadAverage: loadavg() },
    runs: RUNS,
    target: { crossSiteIframeMs: TARGET_IFRAME_MS },
    median: summary,
    raw: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.map(Math.round)])),
  });
  console.log(`wrote ${file}`);
} finally {
  rmSync(dist, { recursive: true, force: true });
}
