import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { freePort, hasExited, stopProcess, waitUntil } from '../processes';
import { startProcess } from './processes';

export const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';

export type ScrapeJob = {
  job: string;
  target: string;
  /** Keep the target's own `instance` (and other) labels instead of renaming them `exported_*`. */
  honorLabels?: boolean;
};

export type AlertingRule = {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
};

export type PrometheusOptions = {
  /** Holds the config, rule file, log and TSDB; kept across restarts. */
  workDir: string;
  jobs: ScrapeJob[];
  rules: AlertingRule[];
  /** Scrape and rule evaluation interval. */
  intervalSeconds: number;
  /** Selectors that must each have a sample scraped after (re)start before the server counts as ready. */
  readiness: string[];
};

const sample = z.object({
  metric: z.record(z.string(), z.string()),
  value: z.tuple([z.number(), z.string()]),
});
export type Sample = z.infer<typeof sample>;

const vectorResponse = z.object({
  status: z.literal('success'),
  data: z.object({ resultType: z.literal('vector'), result: z.array(sample) }),
});

const alertsResponse = z.object({
  status: z.literal('success'),
  data: z.object({
    alerts: z.array(
      z.object({
        labels: z.record(z.string(), z.string()),
        state: z.enum(['pending', 'firing', 'inactive']),
      }),
    ),
  }),
});
export type PromAlert = z.infer<typeof alertsResponse>['data']['alerts'][number];

function writeConfig({ workDir, jobs, rules, intervalSeconds }: PrometheusOptions): string {
  const interval = `${intervalSeconds}s`;
  // JSON is YAML, so no YAML writer is needed.
  const rulesFile = join(workDir, 'rules.yml');
  writeFileSync(
    rulesFile,
    JSON.stringify({ groups: [{ name: 'observatory-e2e', interval, rules }] }, null, 2),
  );
  const configFile = join(workDir, 'prometheus.yml');
  writeFileSync(
    configFile,
    JSON.stringify(
      {
        global: { scrape_interval: interval, evaluation_interval: interval },
        rule_files: [rulesFile],
        scrape_configs: jobs.map((j) => ({
          job_name: j.job,
          honor_labels: j.honorLabels ?? false,
          static_configs: [{ targets: [j.target] }],
        })),
      },
      null,
      2,
    ),
  );
  return configFile;
}

/** A real Prometheus on 127.0.0.1 that the browser may query (CORS open to any origin). */
export class PrometheusServer {
  private child: ChildProcess | null = null;
  private launchedAt = 0;

  private constructor(
    private readonly options: PrometheusOptions,
    private readonly configFile: string,
    readonly port: number,
  ) {}

  /** Starts Prometheus and waits until it has scraped every readiness selector. */
  static async start(options: PrometheusOptions): Promise<PrometheusServer> {
    const server = new PrometheusServer(options, writeConfig(options), await freePort());
    await server.launch();
    await server.waitForFreshSamples();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get logFile(): string {
    return join(this.options.workDir, 'prometheus.log');
  }

  /** SIGTERM and wait for the process to exit: afterwards the port refuses connections. */
  async stop(): Promise<void> {
    if (this.child) await stopProcess(this.child);
    this.child = null;
  }

  /**
   * Starts again on the same port with the same data. Resolves once queries are answered from
   * the stored data; `waitForFreshSamples` waits for scraping to resume too.
   */
  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }

  /** An instant query, at `time` (Unix seconds, as the API takes it) or now. */
  async query(expr: string, time?: string): Promise<Sample[]> {
    const params = new URLSearchParams({ query: expr, ...(time === undefined ? {} : { time }) });
    const res = await fetch(`${this.url}/api/v1/query?${params}`);
    if (!res.ok) throw new Error(`query ${expr} answered HTTP ${res.status}: ${await res.text()}`);
    return vectorResponse.parse(await res.json()).data.result;
  }

  async alerts(): Promise<PromAlert[]> {
    const res = await fetch(`${this.url}/api/v1/alerts`);
    if (!res.ok) throw new Error(`alerts answered HTTP ${res.status}`);
    return alertsResponse.parse(await res.json()).data.alerts;
  }

  /** Waits until `selector` has samples spanning at least `seconds` without a gap. */
  async waitForHistory(selector: string, seconds: number, timeoutMs = 30_000): Promise<void> {
    // n + 1 scrapes in the last n + 1 intervals cover n intervals without a gap.
    const { intervalSeconds } = this.options;
    const wanted = Math.ceil(seconds / intervalSeconds) + 1;
    await waitUntil(
      `${seconds} s of history for ${selector}`,
      async () => {
        const [first] = await this.query(
          `count_over_time(${selector}[${wanted * intervalSeconds}s])`,
        );
        return first && Number(first.value[1]) >= wanted ? true : undefined;
      },
      { timeoutMs, intervalMs: 500 },
    );
  }

  /** Starts the process and waits until the query API answers (a starting server says 503). */
  private async launch(): Promise<void> {
    this.launchedAt = Date.now();
    const child = startProcess(
      PROMETHEUS_BIN,
      [
        `--config.file=${this.configFile}`,
        `--storage.tsdb.path=${join(this.options.workDir, 'data')}`,
        `--web.listen-address=127.0.0.1:${this.port}`,
        '--web.cors.origin=.*',
        '--enable-feature=exemplar-storage',
      ],
      this.logFile,
    );
    this.child = child;
    await this.whileRunning(
      child,
      `Prometheus on port ${this.port} to answer queries`,
      async () => {
        await this.query('vector(1)');
        return true;
      },
    );
  }

  /**
   * Waits until every readiness selector has a sample scraped since the last (re)start: old
   * samples survive a restart, so only newer ones prove that scraping works.
   */
  async waitForFreshSamples(): Promise<void> {
    const since = this.launchedAt / 1000;
    await this.whileRunning(
      this.child,
      `Prometheus to scrape ${this.options.readiness.join(', ')}`,
      async () => {
        for (const selector of this.options.readiness) {
          if ((await this.query(`timestamp(${selector}) >= ${since}`)).length === 0)
            return undefined;
        }
        return true;
      },
    );
  }

  /** Polls `check`, failing early if the process exits; stops the process if it never passes. */
  private async whileRunning(
    child: ChildProcess | null,
    what: string,
    check: () => Promise<true | undefined>,
  ) {
    try {
      await waitUntil(`${what} (log: ${this.logFile})`, async () => {
        if (!child || hasExited(child))
          throw new Error(`Prometheus exited with ${child?.exitCode ?? child?.signalCode}`);
        return check();
      });
    } catch (error) {
      await this.stop();
      throw error;
    }
  }
}
