import {
  expect,
  serveStackConfig,
  SHORT_RANGE,
  SHORT_RANGE_SECONDS,
  test,
  waitForShortRangeHistory,
} from './fixtures';
import { expectShownNear, panel, statValue } from './ui';
import { EXPECTED } from './expected';

test('Health with the otel-genai preset reads the GenAI histograms', async ({ page, stack }) => {
  await serveStackConfig(page, stack, { preset: 'otel-genai' });
  await waitForShortRangeHistory(stack);
  await page.goto(`/health?${SHORT_RANGE}`);

  await expect(statValue(page, 'Success rate')).toHaveText('83.33%'); // 5 / 6 without error_type
  await expect(statValue(page, 'p95 operation latency')).toHaveText('2.37 s'); // 2.368 s
  await expectShownNear(statValue(page, 'Throughput'), EXPECTED.genai.operationsPerSecond, {
    unit: ' req/s',
  });
  await expectShownNear(
    statValue(page, 'Failed operations'),
    EXPECTED.genai.failedOperationsPerSecond * SHORT_RANGE_SECONDS,
  );

  // The conventions have no metric for these: the panels say so instead of guessing.
  await expect(panel(page, 'Active tasks')).toContainText(
    'The "otel-genai" preset has no metric for this panel',
  );
  await expect(panel(page, 'Running executions')).toContainText(
    'Set panels["health.running-executions"].query',
  );

  // Saturation is the real machine's CPU from the node exporter, so the score is checked
  // against the saturation the panel reports rather than a fixed number.
  await expect(statValue(page, 'Saturation')).toHaveText(/^\d+(\.\d+)?%$/);
  const score = page.getByTestId('health-score');
  await expect(score).toHaveAttribute(
    'title',
    /success rate = 83\.33%\nlatency score = 0\.76 \(objective 1\.8 s\)\nsaturation = [\d.]+%/,
  );
  const saturation =
    Number(/saturation = ([\d.]+)%/.exec((await score.getAttribute('title')) ?? '')?.[1]) / 100;
  const exact =
    100 *
    (0.5 * EXPECTED.genai.successRate +
      0.3 * (1.8 / EXPECTED.genai.p95Seconds) +
      0.2 * (1 - saturation));
  // The displayed saturation is rounded, so allow either neighbour when the score sits on a half.
  const allowed = new Set([Math.round(exact - 0.01), Math.round(exact + 0.01)].map(String));
  expect(allowed).toContain((await score.getByTestId('stat-value').textContent()) ?? '');
});
