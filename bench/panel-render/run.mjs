#!/usr/bin/env node
// One time-series panel fed 100 series × 11,000 points, in headless Chromium.
// Measures, per run: the query_range response (fetch + JSON), time from the response to the
// chart painted (first render), and time from a refetch's response to the new chart painted
// (re-render). Prints medians and writes bench/results/panel-render.json.
// Usage: node bench/panel-render/run.mjs [runs=5]
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { buildApp, CHROMIUM_ARGS, machine, median, serveStatic, writeResult } from '../lib.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const SERIES = 100;
const POINTS = 11_000;
const TARGET_MS = 300;

let generation = 0;

/** A query_range body as Prometheus writes it: values as strings, one array per sample. */
function matrixBody(startSec, stepSec) {
  generation += 1;
  const result = [];
  for (let s = 0; s < SERIES; s++) {
    const values = new Array(POINTS);
    for (let i = 0; i < POINTS; i++) {
      const v =
        50 + 40 * Math.sin((i + generation * 37) / (60 + s)) + ((i * 7919 + s * 104729) % 13);
      values[i] = [startSec + i * stepSec, v.toFixed(3)];
    }
    result.push({ metric: { agent: `agent-${String(s).padStart(3, '0')}` }, values });
  }
  return JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });
}

async function main() {
  const outDir = mkdtempSync(join(tmpdir(), 'observatory-bench-'));
  buildApp(outDir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          datasources: { prometheus: { url: '/prom' } },
          defaults: { refresh: 'off' },
        }),
      );
      return;
    }
    if (url.pathname === '/prom/api/v1/query_range') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const params = new URLSearchParams(body || url.search);
      const start = Number(params.get('start'));
      const end = Number(params.get('end'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(matrixBody(start, (end - start) / POINTS));
      return;
    }
    if (url.pathname.startsWith('/prom/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
      return;
    }
    serveStatic(outDir, req, res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });

  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Records when the chart first shows all its lines, and when the first line's shape changes.
    await page.addInitScript((series) => {
      const marks = { painted: null, repainted: null, firstPath: null };
      window.__bench = marks;
      const check = () => {
        const paths = document.querySelectorAll('[data-testid="timeseries"] path.recharts-curve');
        if (paths.length < series) return;
        const d = paths[0].getAttribute('d');
        if (marks.painted === null) {
          marks.firstPath = d;
          requestAnimationFrame(() => (marks.painted = performance.now()));
        } else if (
          marks.repainted === null &&
          d !== marks.firstPath &&
          performance.getEntriesByName('observatory:frame-decoded').length >= 2
        ) {
          requestAnimationFrame(() => (marks.repainted = performance.now()));
        }
      };
      new MutationObserver(check).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
      });
    }, SERIES);
    await page.goto(
      `${base}/embed/panel/health.throughput-over-time?controls=1&from=now-6h&to=now&refresh=off`,
    );
    await page.waitForFunction(() => window.__bench.painted !== null, null, { timeout: 120_000 });
    const first = await page.evaluate(() => {
      const r = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('query_range'));
      const decoded = performance.getEntriesByName('observatory:frame-decoded');
      return {
        painted: window.__bench.painted,
        responseEnd: r[0].responseEnd,
        requestStart: r[0].requestStart,
        decoded: decoded[0].startTime,
      };
    });
    // A new range is a new query: the panel keeps the old chart until the new data is drawn.
    await page.getByRole('button', { name: 'Shift time range back' }).click();
    await page.waitForFunction(() => window.__bench.repainted !== null, null, { timeout: 120_000 });
    const second = await page.evaluate(() => {
      const r = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('query_range'));
      const decoded = performance.getEntriesByName('observatory:frame-decoded');
      return {
        repainted: window.__bench.repainted,
        responseEnd: r[r.length - 1].responseEnd,
        decoded: decoded[decoded.length - 1].startTime,
      };
    });
    const result = {
      // Network and server time for a 27 MB body.
      responseMs: first.responseEnd - first.requestStart,
      // JSON.parse and validation of 1.1 million samples on the main thread.
      decodeMs: first.decoded - first.responseEnd,
      // From decoded data to the chart painted: downsampling, React, recharts, layout, paint.
      firstRenderMs: first.painted - first.decoded,
      rerenderMs: second.repainted - second.decoded,
      // Everything after the response: what the user waits for once the bytes arrived.
      firstResponseToChartMs: first.painted - first.responseEnd,
      refetchResponseToChartMs: second.repainted - second.responseEnd,
      navigationToChartMs: first.painted,
    };
    runs.push(result);
    console.log(
      `run ${run + 1}: ${Object.entries(result)
        .map(([k, v]) => `${k}=${v.toFixed(0)}`)
        .join(' ')}`,
    );
    await page.close();
  }

  const summary = Object.fromEntries(
    Object.keys(runs[0]).map((k) => [k, Math.round(median(runs.map((r) => r[k])))]),
  );
  const result = {
    benchmark: 'panel-render',
    description: `One time-series panel, ${SERIES} series × ${POINTS} points each (query_range), 1280 px wide`,
    targetMs: TARGET_MS,
    medians: summary,
    meetsTarget: summary.firstRenderMs <= TARGET_MS && summary.rerenderMs <= TARGET_MS,
    runs,
    machine: machine(browser.version()),
    date: new Date().toISOString(),
  };
  console.table(summary);
  console.log(
    `first render ${summary.firstRenderMs} ms, re-render ${summary.rerenderMs} ms (target ≤ ${TARGET_MS} ms)`,
  );
  console.log(`written to ${writeResult('panel-render', result)}`);
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}

await main();
