#!/usr/bin/env node
// 500 WebSocket messages a second for 60 s into the live executions view, in headless Chromium.
// A real gateway (gateway.mjs, `ws`) pushes step updates of one run to the production build's
// /executions/:id page. Per run, after a warm-up: long tasks (PerformanceObserver 'longtask'),
// frame times (requestAnimationFrame deltas) and the JS heap before and after (each after a
// forced GC). Prints a table and writes bench/results/executions-stream.json.
// A control run (same page and run, no messages) is measured last, so the machine's own noise
// (other processes on a shared machine stall the renderer too) can be told apart.
// Usage: node bench/executions-stream/run.mjs [--runs 3] [--duration 60] [--warmup 10]
//        [--rate 500] [--steps 200] [--no-control]
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { buildApp, CHROMIUM_ARGS, machine, median, serveStatic, writeResult } from '../lib.mjs';
import { attachGateway, RUN_ID } from './gateway.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '10' },
    rate: { type: 'string', default: '500' },
    steps: { type: 'string', default: '200' },
    control: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const RUNS = Number(args.runs);
const DURATION_S = Number(args.duration);
const WARMUP_S = Number(args.warmup);
const RATE = Number(args.rate);
const STEPS = Number(args.steps);
const TARGETS = { longTaskMs: 50, heapGrowthMB: 10 };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Collects frame deltas and long tasks in the page from its first script on. */
function instrument() {
  let frames = [];
  let longTasks = [];
  let last = null;
  const loop = (t) => {
    if (last !== null) frames.push(t - last);
    last = t;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  window.__bench = {
    reset() {
      frames = [];
      longTasks = [];
      last = null;
    },
    read: () => ({ frames, longTasks }),
  };
}

/**
 * Main-thread tasks from a Chromium trace ('toplevel' category): wall time and the thread's CPU
 * time for each. A task whose wall time is long but whose CPU time is short was not doing work:
 * the operating system had taken the core away (other processes on a shared machine).
 */
function mainThreadTasks(traceBuffer) {
  const { traceEvents } = JSON.parse(traceBuffer.toString());
  const mains = new Set(
    traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return traceEvents
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.name === 'ThreadControllerImpl::RunTask' &&
        mains.has(`${e.pid}:${e.tid}`),
    )
    .map((e) => ({ wallMs: e.dur / 1000, cpuMs: (e.tdur ?? e.dur) / 1000 }));
}

async function heapMB(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** Main-thread time by kind (script, layout, style) from Chromium's cumulative counters, in s. */
async function mainThreadTotals(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return {
    task: get('TaskDuration'),
    script: get('ScriptDuration'),
    layout: get('LayoutDuration'),
    style: get('RecalcStyleDuration'),
  };
}

async function startServer(outDir, rate) {
  const server = createServer((req, res) => {
    if (new URL(req.url, 'http://x').pathname === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ datasources: { live: { url: '/gw' } }, defaults: { refresh: 'off' } }),
      );
      return;
    }
    if (!gateway.handle(req, res)) serveStatic(outDir, req, res);
  });
  const gateway = attachGateway(server, { rate, steps: STEPS });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, gateway, base: `http://127.0.0.1:${server.address().port}` };
}

/**
 * Rendered step rows that disagree with the gateway's final state: a wrong status, a duplicate,
 * an unknown id, or a wrong count of started steps. Long runs render only the rows near the
 * viewport, so the top and the bottom of the list are both checked.
 */
async function mismatchedSteps(page, run) {
  const expected = new Map(
    run.steps.filter((step) => step.status !== 'pending').map((step) => [step.id, step.status]),
  );
  const check = async () => {
    const shown = await page
      .locator('[data-step-id]')
      .evaluateAll((rows) => rows.map((row) => [row.dataset.stepId, row.dataset.stepStatus]));
    const ids = shown.map(([id]) => id);
    let wrong = ids.length - new Set(ids).size;
    for (const [id, status] of shown) if (expected.get(id) !== status) wrong += 1;
    return wrong;
  };
  const caption = await page.locator('caption').textContent();
  let wrong = caption.includes(`(${expected.size} started)`) ? 0 : 1;
  wrong += await check();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await sleep(500);
  wrong += await check();
  return wrong;
}

async function oneRun(browser, outDir, label, rate) {
  const { server, gateway, base } = await startServer(outDir, rate);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(instrument);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  gateway.start();
  await page.goto(`${base}/executions/${RUN_ID}`);
  await page.locator('[data-step-id]').first().waitFor({ timeout: 15_000 });
  await sleep(WARMUP_S * 1000);

  const heapBefore = await heapMB(cdp);
  await browser.startTracing(page, { categories: ['toplevel'] });
  const sentBefore = gateway.sent;
  const measuredFrom = performance.now();
  await page.evaluate(() => window.__bench.reset());
  const busyBefore = await mainThreadTotals(cdp);
  await sleep(DURATION_S * 1000);
  const { frames, longTasks } = await page.evaluate(() => window.__bench.read());
  const busyAfter = await mainThreadTotals(cdp);
  const sent = gateway.sent - sentBefore;
  const measuredS = (performance.now() - measuredFrom) / 1000;
  const tasks = mainThreadTasks(await browser.stopTracing());
  const busyPct = (kind) => round(((busyAfter[kind] - busyBefore[kind]) / DURATION_S) * 100);

  gateway.stop();
  await sleep(1_000);
  const mismatches = await mismatchedSteps(page, gateway.run);
  const heapAfter = await heapMB(cdp);

  await page.close();
  gateway.close();
  await new Promise((resolve) => server.close(resolve));
  if (errors.length) throw new Error(`run ${label}: page errors: ${errors.join('; ')}`);

  const longOver50 = longTasks.filter((task) => task.duration > TARGETS.longTaskMs);
  return {
    run: label,
    messagesPerSec: round(sent / measuredS, 0),
    framesMeasured: frames.length,
    frameMedianMs: round(percentile(frames, 50)),
    frameP95Ms: round(percentile(frames, 95)),
    frameMaxMs: round(Math.max(0, ...frames)),
    longTasksOver50: longOver50.length,
    longestTaskMs: round(Math.max(0, ...longTasks.map((task) => task.duration))),
    tasksOver50Cpu: tasks.filter((task) => task.cpuMs > TARGETS.longTaskMs).length,
    longestTaskCpuMs: round(Math.max(0, ...tasks.map((task) => task.cpuMs))),
    heapBeforeMB: round(heapBefore, 2),
    heapAfterMB: round(heapAfter, 2),
    heapGrowthMB: round(heapAfter - heapBefore, 2),
    mainThreadBusyPct: busyPct('task'),
    scriptPct: busyPct('script'),
    layoutPct: busyPct('layout'),
    stylePct: busyPct('style'),
    stepsWrongAtEnd: mismatches,
    loadAvg1m: round(loadavg()[0], 2),
  };
}

async function main() {
  const outDir = mkdtempSync(join(tmpdir(), 'observatory-bench-exec-'));
  console.log(`building into ${outDir} …`);
  buildApp(outDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const browserVersion = browser.version();
  const runs = [];
  let control = null;
  try {
    for (let i = 0; i < RUNS; i += 1) {
      console.log(
        `run ${i + 1}/${RUNS}: ${WARMUP_S} s warm-up, ${DURATION_S} s at ${RATE} msg/s …`,
      );
      runs.push(await oneRun(browser, outDir, i + 1, RATE));
    }
    if (args.control) {
      console.log(`control: ${WARMUP_S} s warm-up, ${DURATION_S} s with no messages …`);
      control = await oneRun(browser, outDir, 'control', 0);
    }
  } finally {
    await browser.close().catch(() => {});
    rmSync(outDir, { recursive: true, force: true });
  }
  const keys = Object.keys(runs[0]).filter((key) => key !== 'run');
  const medians = Object.fromEntries(keys.map((key) => [key, median(runs.map((r) => r[key]))]));
  console.table([...runs, { run: 'median', ...medians }, ...(control ? [control] : [])]);

  const pass = {
    noLongTaskOver50ms: runs.every((r) => r.longTasksOver50 === 0),
    noTaskOver50msCpu: runs.every((r) => r.tasksOver50Cpu === 0),
    heapGrowthUnder10MB: medians.heapGrowthMB < TARGETS.heapGrowthMB,
    stepsExactAtEnd: runs.every((r) => r.stepsWrongAtEnd === 0),
  };
  console.log('targets:', pass);
  const file = writeResult('executions-stream', {
    date: new Date().toISOString(),
    machine: machine(browserVersion),
    config: { runs: RUNS, durationS: DURATION_S, warmupS: WARMUP_S, rate: RATE, steps: STEPS },
    targets: TARGETS,
    runs,
    median: medians,
    control,
    pass,
  });
  console.log(`written to ${file}`);
}

await main();
