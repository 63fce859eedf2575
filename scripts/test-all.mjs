#!/usr/bin/env node
// Runs every check the project has and ends with one plain line: "N passed, N failed, N skipped".
// Static checks (format, lint, types) count as one test each; Vitest and Playwright report their own.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { collectResults, collectVitestResults, slowest } from './testResults.mjs';

const bin = (name) => join('node_modules', '.bin', name);
// Outside test-results/, which Playwright empties when it starts.
const out = join('node_modules', '.cache', 'test-summary');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const timed = { vitest: [], playwright: [] };
const started = Date.now();
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status === 0;
}

/** Runs commands at once (they are light next to the test runners); each passes or fails. */
async function checkAll(checks) {
  const results = await Promise.all(
    checks.map(
      ([label, cmd, args]) =>
        new Promise((resolve) => {
          const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
          let output = '';
          child.stdout.on('data', (chunk) => (output += chunk));
          child.stderr.on('data', (chunk) => (output += chunk));
          child.on('close', (code) => resolve({ label, cmd, args, ok: code === 0, output }));
        }),
    ),
  );
  for (const { label, cmd, args, ok, output } of results) {
    console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}${ok ? ' — ok' : ' — FAILED'}`);
    if (output.trim()) console.log(output.trimEnd());
    if (ok) totals.passed += 1;
    else {
      totals.failed += 1;
      failures.push(label);
    }
  }
}

await checkAll([
  ['format', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['lint', bin('eslint'), ['.', '--max-warnings', '0']],
  ['typecheck', bin('tsc'), ['-b']],
  // Import circles under src/ and one feature reaching into another (.dependency-cruiser.cjs).
  [
    'imports',
    bin('depcruise'),
    ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
  ],
]);

const vitestJson = join(out, 'vitest.json');
const vitestOk = run('unit and component tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  timed.vitest = collectVitestResults(r);
  if (r.numFailedTests > 0 || !vitestOk) failures.push('vitest');
  if (!vitestOk && r.numFailedTests === 0) totals.failed += 1; // e.g. an unhandled error outside a test
} else {
  totals.failed += 1;
  failures.push('vitest (no report)');
}

const pwJson = join(out, 'playwright.json');
const pwOk = run('end-to-end tests', bin('playwright'), ['test'], {
  PW_JSON_OUTPUT: pwJson,
  CI: '1',
  E2E_TRACE: process.env.E2E_TRACE ?? 'off',
});
if (existsSync(pwJson)) {
  const r = JSON.parse(readFileSync(pwJson, 'utf8'));
  const s = r.stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
  timed.playwright = collectResults(r);
  if ((s.unexpected ?? 0) > 0 || !pwOk) failures.push('playwright');
  if (!pwOk && (s.unexpected ?? 0) === 0) totals.failed += 1; // e.g. the web server did not start
} else {
  totals.failed += 1;
  failures.push('playwright (no report)');
}

// The slowest tests, so a test that grows slow shows before the suite does.
for (const [label, results] of [
  ['end-to-end', timed.playwright],
  ['unit and component', timed.vitest],
]) {
  if (results.length === 0) continue;
  console.log(`\nSlowest ${label} tests:`);
  for (const line of slowest(results)) console.log(line);
}
console.log(`\nWall time: ${Math.round((Date.now() - started) / 1000)} s`);
if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
