// Trace waterfall benchmark:
//   node bench/trace-waterfall/run.mjs [sizes…] [--runs N] [--no-build] [--gzip] [--no-floor]
//
// Builds the app (no demo mode), serves it with a Jaeger API that returns generated traces, and
// measures /traces/:id in headless Chromium: first span row painted (from navigation start),
// JS heap after render (after a forced GC), span rows in the DOM, scroll to bottom until the
// next frame, expand all. Each run also times the floor under the first row (floor.mjs: the same
// response downloaded, and parsed, by a bare page). Prints medians and writes
// bench/results/trace-waterfall.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { FLOOR_MODES, floorPath } from './floor.mjs';
import * as measure from './measure.mjs';
import { startServer } from './server.mjs';
import { benchTraceId, generateBodies } from './traces.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? Number(args[at + 1]) : fallback;
};
const sizes = args
  .filter((a) => /^\d+$/.test(a) && args[args.indexOf(a) - 1] !== '--runs')
  .map(Number);
const SIZES = sizes.length > 0 ? sizes : [1_000, 10_000, 50_000, 100_000];
const RUNS = option('--runs', 3);
const FLOOR = !flag('--no-floor');
const TARGETS = { spans: 100_000, firstRowMs: 1000, heapMB: 135, scrollMs: 50, expandAllMs: 100 };
// The flags of playwright.config.ts, plus precise heap figures.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
];
// Outside the repo so the build neither clobbers dist/ nor gets scanned by Tailwind.
const dist = join(os.tmpdir(), 'observatory-trace-waterfall-dist');

if (!flag('--no-build')) {
  console.log('building the app (VITE_DEMO=0)…');
  const build = spawnSync(
    join(root, 'node_modules/.bin/vite'),
    ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: root, env: { ...process.env, VITE_DEMO: '0' }, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`generating traces: ${SIZES.join(', ')} spans…`);
const bodies = await generateBodies(root, SIZES);
const GZIP = flag('--gzip');
const server = await startServer({ dist, traces: bodies, gzip: GZIP });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
const loadBefore = os.loadavg();

const results = [];
try {
  for (const spans of SIZES) {
    const samples = [];
    for (let run = 0; run < RUNS; run++) {
      const sample = await measureOnce(spans);
      // Right after the app's run, so both see the same load on the machine.
      if (FLOOR) {
        sample.floorDownloadMs = await measureFloor(spans, 'download');
        sample.floorParseMs = await measureFloor(spans, 'parse');
      }
      samples.push(sample);
    }
    const row = summarize(spans, samples);
    results.push(row);
    const floor = FLOOR
      ? `; floor: download ${row.floorDownloadMs} ms, download + JSON.parse ${row.floorParseMs} ms`
      : '';
    console.log(
      `${spans} spans: first row ${row.firstRowMs} ms, details ready ${row.detailsReadyMs} ms, heap ${row.heapMB} MB, ${row.domRows} rows in DOM, scroll ${row.scrollMs} ms, expand all ${row.expandAllMs} ms${floor}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}

console.table(results.map(({ samples: _samples, ...row }) => row));
const big = results.find((r) => r.spans === TARGETS.spans);
if (big) {
  const verdict = (value, limit) => (value === null ? 'n/a' : value <= limit ? 'met' : 'MISSED');
  console.log(
    `targets at ${TARGETS.spans} spans: first row ${verdict(big.firstRowMs, TARGETS.firstRowMs)}, heap ${verdict(big.heapMB, TARGETS.heapMB)}, scroll ${verdict(big.scrollMs, TARGETS.scrollMs)}, expand all ${verdict(big.expandAllMs, TARGETS.expandAllMs)}`,
  );
  if (big.floorParseMs !== null && big.floorParseMs !== undefined) {
    console.log(
      `floor at ${TARGETS.spans} spans: a bare page takes ${big.floorDownloadMs} ms to download the response and ${big.floorParseMs} ms to download and JSON.parse it; the app takes ${Math.round(big.firstRowMs - big.floorParseMs)} ms beyond that`,
    );
  }
}

const out = join(root, 'bench/results/trace-waterfall.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: {
        cpu: os.cpus()[0]?.model ?? 'unknown',
        cores: os.cpus().length,
        memoryGB: Math.round(os.totalmem() / 2 ** 30),
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        chromium: browser.version(),
        loadAverageBefore: loadBefore.map((l) => Math.round(l * 100) / 100),
        loadAverageAfter: os.loadavg().map((l) => Math.round(l * 100) / 100),
      },
      runs: RUNS,
      gzip: GZIP,
      floor: FLOOR
        ? 'floorDownloadMs / floorParseMs: first row of a bare page whose worker only downloads (and JSON.parses) the same response; see floor.mjs'
        : null,
      targets: TARGETS,
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`written to ${out}`);

async function measureOnce(spans) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(measure.recordElementTimings);
    const cdp = await context.newCDPSession(page);
    const started = Date.now();
    await page.goto(`${server.url}/traces/${benchTraceId(spans)}`, { waitUntil: 'commit' });
    await page.evaluate(() => window.__benchFirstRow);
    await page.waitForSelector('[data-row-index="0"]', { timeout: 120_000 });
    const seenMs = Date.now() - started;
    const times = await page.evaluate(measure.firstRowTimes);
    const completeMs = await page.evaluate(measure.completeTime);
    // Let the follow-up work (GenAI rollup) land before the heap is measured.
    await page.waitForTimeout(1_000);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await page.evaluate(measure.heapUsed);
    const workerHeap = await workerHeapUsed();
    const domRows = await page.evaluate(measure.domRowCount);
    const scroll = await page.evaluate(measure.scrollToBottom);
    const expand = await page.evaluate(measure.expandAll);
    return {
      firstRowMs: times.firstRowPaintMs ?? seenMs,
      firstRowSource: times.firstRowPaintMs === null ? 'seen by the bench' : 'element timing',
      loadStartMs: times.loadStartMs,
      overviewMs: times.overviewMs,
      completeMs,
      heapMB: heap === null ? null : heap / 2 ** 20,
      workerHeapMB: workerHeap === null ? null : workerHeap / 2 ** 20,
      domRows,
      scrollMs: scroll.ms,
      expandAllMs: expand.ms,
    };
  } finally {
    await context.close();
  }
}

/** First row of the bare floor page (floor.mjs), ms from navigation start. */
async function measureFloor(spans, mode) {
  if (!FLOOR_MODES.includes(mode)) throw new Error(`unknown floor mode ${mode}`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(measure.recordElementTimings);
    await page.goto(`${server.url}${floorPath(benchTraceId(spans), mode)}`, {
      waitUntil: 'commit',
    });
    const painted = await page.evaluate(() => window.__benchFirstRow);
    const row = await page.textContent('[data-row-index="0"]', { timeout: 120_000 });
    if (!row?.startsWith('first row of')) throw new Error(`floor page (${mode}): ${row}`);
    return painted;
  } finally {
    await context.close();
  }
}

/** The trace worker's JS heap after a GC, through the browser's DevTools protocol. */
async function workerHeapUsed() {
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes('trace.worker'));
    if (!target) return null;
    const { sessionId } = await session.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    const answer = new Promise((resolve) => {
      session.on('Target.receivedMessageFromTarget', (event) => {
        const message = JSON.parse(event.message);
        if (message.id === 2) resolve(message.result?.usedSize ?? null);
      });
    });
    const send = (id, method) =>
      session.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method }),
      });
    await send(1, 'HeapProfiler.collectGarbage');
    await send(2, 'Runtime.getHeapUsage');
    return await Promise.race([
      answer,
      new Promise((resolve) => setTimeout(() => resolve(null), 5_000)),
    ]);
  } catch {
    return null;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

function summarize(spans, samples) {
  const median = (pick) => {
    const values = samples
      .map(pick)
      .filter((v) => typeof v === 'number')
      .sort((a, b) => a - b);
    if (values.length === 0) return null;
    return Math.round((values[Math.floor(values.length / 2)] ?? 0) * 10) / 10;
  };
  return {
    spans,
    megabytes: Math.round((bodies.get(benchTraceId(spans))?.length ?? 0) / 1e5) / 10,
    firstRowMs: median((s) => s.firstRowMs),
    appReadyToLoadMs: median((s) => s.loadStartMs),
    overviewReceivedMs: median((s) => s.overviewMs),
    detailsReadyMs: median((s) => s.completeMs),
    heapMB: median((s) => s.heapMB),
    workerHeapMB: median((s) => s.workerHeapMB),
    domRows: median((s) => s.domRows),
    scrollMs: median((s) => s.scrollMs),
    expandAllMs: median((s) => s.expandAllMs),
    floorDownloadMs: median((s) => s.floorDownloadMs),
    floorParseMs: median((s) => s.floorParseMs),
    samples,
  };
}
