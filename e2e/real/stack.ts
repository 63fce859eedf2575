import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startExporter, type Exporter } from './exporter';
import { startNodeExporter, type NodeExporter } from './nodeExporter';
import { waitUntil } from '../processes';
import { SCRAPE_INTERVAL_MS } from './workload';
import { PrometheusServer, type AlertingRule, type ScrapeJob } from './prometheus';

/**
 * One rule fires on the scripted 5xx burst, one stays pending (its `for` is an hour) and one
 * never matches: the app must count exactly one firing alert and one pending.
 */
export const ALERT_RULES: AlertingRule[] = [
  {
    alert: 'UpstreamErrorBurst',
    expr: 'sum(increase(aet_errors_total{error_type="upstream_5xx"}[10m])) > 100',
    labels: { severity: 'critical' },
    annotations: { summary: 'Upstream 5xx errors spiked in the last 10 minutes' },
  },
  {
    alert: 'HostCpuHigh',
    expr: 'max(aet_cpu_usage_percent) > 50',
    for: '1h',
    labels: { severity: 'warning' },
    annotations: { summary: 'An agent host has been above 50 % CPU' },
  },
  {
    alert: 'NoActiveTasks',
    expr: 'sum(aet_active_tasks) == 0',
    labels: { severity: 'warning' },
  },
];
export const FIRING_ALERT = 'UpstreamErrorBurst';
export const PENDING_ALERT = 'HostCpuHigh';

/** A selector with one sample per scrape of the exporter, for history checks. */
export const EXPORTER_HEARTBEAT = 'aet_active_tasks{mode="batch"}';

export type Stack = {
  exporter: Exporter;
  nodeExporter: NodeExporter | null;
  prometheus: PrometheusServer;
  /** When the 5xx burst ran (epoch ms). */
  burst: { startsAt: number; endsAt: number };
  /** Resolves once Prometheus holds `seconds` of unbroken exporter history. */
  waitForHistory(seconds: number): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Exporter, node exporter and Prometheus, ready to query: every target scraped, the burst
 * played and its alert firing.
 */
export async function startStack(): Promise<Stack> {
  const workDir = mkdtempSync(join(tmpdir(), 'observatory-e2e-'));
  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stoppers.reverse()) await s().catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    const exporter = await startExporter(workDir);
    stoppers.push(() => exporter.close());
    const nodeExporter = await startNodeExporter(workDir);
    if (nodeExporter) stoppers.push(() => nodeExporter.stop());

    const jobs: ScrapeJob[] = [{ job: 'aet', target: exporter.target, honorLabels: true }];
    if (nodeExporter) jobs.push({ job: 'node', target: nodeExporter.target });
    const prometheus = await PrometheusServer.start({
      workDir,
      jobs,
      rules: ALERT_RULES,
      // Every second, so a change shows within about two; the workload keeps the same beat.
      intervalSeconds: SCRAPE_INTERVAL_MS / 1000,
      readiness: [EXPORTER_HEARTBEAT, ...jobs.map((j) => `up{job="${j.job}"} == 1`)],
    });
    stoppers.push(() => prometheus.stop());

    const burst = await exporter.startBurst();
    await waitUntil(`alert ${FIRING_ALERT} to fire`, async () => {
      const alerts = await prometheus.alerts();
      return alerts.some((a) => a.labels.alertname === FIRING_ALERT && a.state === 'firing')
        ? true
        : undefined;
    });

    return {
      exporter,
      nodeExporter,
      prometheus,
      burst,
      waitForHistory: (seconds) => prometheus.waitForHistory(EXPORTER_HEARTBEAT, seconds),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
