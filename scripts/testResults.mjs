// Reads the JSON reports of Playwright and Vitest into one flat list of test results.

/** Playwright's JSON report → [{ title, status, durationMs, error }], one per test run. */
export function collectResults(report) {
  const out = [];
  const walk = (suite, file) => {
    for (const child of suite.suites ?? []) walk(child, file);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        for (const result of test.results) {
          out.push({
            title: `${file} › ${[...(suite.title && suite.title !== file ? [suite.title] : []), spec.title].join(' › ')}`,
            status: result.status,
            durationMs: result.duration,
            error: result.error?.message ?? '',
          });
        }
      }
    }
  };
  for (const suite of report.suites ?? []) walk(suite, suite.file ?? suite.title);
  return out;
}

/** Vitest's JSON report → [{ title, status, durationMs }]. */
export function collectVitestResults(report) {
  return (report.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? []).map((a) => ({
      title: `${file.name.replace(`${process.cwd()}/`, '')} › ${a.fullName}`,
      status: a.status,
      durationMs: a.duration ?? 0,
      error: (a.failureMessages ?? []).join('\n'),
    })),
  );
}

/** The `n` slowest results, as lines for a report. */
export function slowest(results, n = 10) {
  return [...results]
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, n)
    .map((r) => `${(r.durationMs / 1000).toFixed(1).padStart(6)} s  ${r.title}`);
}
