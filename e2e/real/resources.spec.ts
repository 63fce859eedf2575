import { expect, serveStackConfig, test } from './fixtures';
import { expectNoFailedPanels, legend, panel, reveal, rowWith } from './ui';
import { CPU_PERCENT } from './workload';

const DISK_FILTER = 'fstype!~"tmpfs|overlay|squashfs"';
const PERCENT = /^(\d+(?:\.\d+)?)%/;

function percentOf(text: string | null): number {
  const match = PERCENT.exec((text ?? '').trim());
  if (!match?.[1]) throw new Error(`"${text}" does not start with a percentage`);
  return Number(match[1]) / 100;
}

test('Resources shows the real machine from the node exporter and the platform’s own gauges', async ({
  page,
  stack,
}) => {
  test.skip(
    !stack.nodeExporter,
    'prometheus-node-exporter is not installed, so there are no node_* metrics',
  );
  const instance = stack.nodeExporter?.target ?? '';
  // The instant the app evaluated its instant queries at, so this test reads the same samples.
  const evaluatedAt: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.endsWith('/api/v1/query')) return;
    const params = new URLSearchParams(request.postData() ?? url.search);
    const time = params.get('time');
    if (time && params.get('query')?.includes('node_memory_MemAvailable_bytes'))
      evaluatedAt.push(time);
  });
  await serveStackConfig(page, stack);
  await page.goto('/resources?from=now-5m&to=now&refresh=off');

  const table = panel(page, 'Saturation now').getByRole('table');
  const cells = rowWith(table, instance).getByRole('cell');
  await expect(cells.nth(1)).toHaveText(PERCENT);
  await expect(cells.nth(2)).toHaveText(PERCENT);

  // The machine's memory moves with whatever else runs, so read it at the app's instant; the
  // difference left is the display's rounding.
  const time = evaluatedAt.at(-1);
  expect(time, 'the instant the app queried memory at').toBeDefined();
  const [memory] = await stack.prometheus.query(
    '1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes',
    time,
  );
  expect(memory, 'node exporter memory in Prometheus').toBeDefined();
  expect(
    Math.abs(percentOf(await cells.nth(2).textContent()) - Number(memory?.value[1])),
  ).toBeLessThan(0.001);

  // Disk shows the fullest real (non-tmpfs, non-overlay) mount, or nothing where there is none.
  const disks = await stack.prometheus.query(
    `1 - node_filesystem_avail_bytes{${DISK_FILTER}} / node_filesystem_size_bytes{${DISK_FILTER}}`,
    time,
  );
  if (disks.length === 0) {
    await expect(cells.nth(3)).toHaveText('–');
  } else {
    const fullest = Math.max(...disks.map((d) => Number(d.value[1])));
    await expect(cells.nth(3)).toHaveText(PERCENT);
    expect(Math.abs(percentOf(await cells.nth(3).textContent()) - fullest)).toBeLessThan(0.01);
  }

  await expect(legend(panel(page, 'CPU busy by instance'))).toHaveCount(0); // one instance: no legend
  await expect(panel(page, 'CPU busy by instance').getByTestId('timeseries')).toBeVisible();

  const appCpu = await reveal(panel(page, 'Platform process CPU by instance'));
  await expect(legend(appCpu)).toHaveText(Object.keys(CPU_PERCENT));
  const appMemory = await reveal(panel(page, 'Platform process memory by instance'));
  await expect(legend(appMemory)).toHaveText(Object.keys(CPU_PERCENT));
  await expectNoFailedPanels(page);
});
