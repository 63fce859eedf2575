#!/usr/bin/env node
// Runs the end-to-end suite N whole times (default 3) and lists every test that failed in at
// least one run, with how often. Whole runs, not --repeat-each, so a test that only fails
// beside another one, or only on a fresh server, shows too.
//
//   node scripts/flake-check.mjs [N] [-- extra playwright arguments]
//
// Exits non-zero when any test failed in any run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { collectResults } from './testResults.mjs';

const dash = process.argv.indexOf('--');
const own = dash < 0 ? process.argv.slice(2) : process.argv.slice(2, dash);
const extra = dash < 0 ? [] : process.argv.slice(dash + 1);
const runs = Number(own[0] ?? 3);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: node scripts/flake-check.mjs [N] [-- playwright arguments]');
  process.exit(2);
}

const out = join('node_modules', '.cache', 'flake-check');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** test title → { failed: number of runs it failed in, errors: first line of each failure } */
const failures = new Map();
const summaries = [];
for (let i = 1; i <= runs; i++) {
  const json = join(out, `run-${i}.json`);
  const started = Date.now();
  console.log(`\n▶ run ${i} of ${runs}`);
  spawnSync(join('node_modules', '.bin', 'playwright'), ['test', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, CI: '1', PW_JSON_OUTPUT: json },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (!existsSync(json)) {
    summaries.push(`run ${i}: no report (${seconds} s)`);
    failures.set('(the run itself: no report)', {
      failed: (failures.get('(the run itself: no report)')?.failed ?? 0) + 1,
      errors: [],
    });
    continue;
  }
  const results = collectResults(JSON.parse(readFileSync(json, 'utf8')));
  const failed = results.filter((r) => r.status !== 'passed' && r.status !== 'skipped');
  summaries.push(
    `run ${i}: ${results.length - failed.length} passed, ${failed.length} failed (${seconds} s)`,
  );
  for (const r of failed) {
    const entry = failures.get(r.title) ?? { failed: 0, errors: [] };
    entry.failed += 1;
    entry.errors.push(r.error.split('\n')[0] ?? '');
    failures.set(r.title, entry);
  }
}

console.log(`\nFlake check: ${runs} whole runs of the end-to-end suite`);
for (const line of summaries) console.log(`  ${line}`);
if (failures.size === 0) {
  console.log('No test failed in any run.');
} else {
  console.log(`${failures.size} test(s) failed at least once:`);
  for (const [title, { failed, errors }] of failures) {
    console.log(`  ${failed}/${runs}  ${title}`);
    for (const error of new Set(errors)) if (error) console.log(`         ${error}`);
  }
}
process.exit(failures.size === 0 ? 0 : 1);
