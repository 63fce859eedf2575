import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createExporterMetrics } from './metrics';
import { Workload } from './workload';

export type Exporter = {
  /** Host and port, as a Prometheus scrape target. */
  target: string;
  url: string;
  workload: Workload;
  close(): Promise<void>;
};

/**
 * Gives every sample of an OpenMetrics body the instant its value belongs to (epoch ms).
 * Prometheus then stores the workload's own (time, value) pairs, so rate() over a few seconds
 * is exact however late a busy machine runs the scrape or serves it; without this, a scrape
 * delayed by a few hundred milliseconds put a tenth too much work in a 5 s window.
 */
export function withTimestamp(body: string, atMs: number): string {
  const seconds = (atMs / 1000).toFixed(3);
  return body
    .split('\n')
    .map((line) => {
      if (line === '' || line.startsWith('#')) return line;
      const exemplar = line.indexOf(' # ');
      return exemplar < 0
        ? `${line} ${seconds}`
        : `${line.slice(0, exemplar)} ${seconds}${line.slice(exemplar)}`;
    })
    .join('\n');
}

/**
 * Serves the scripted workload's metrics on /metrics, on an ephemeral port of 127.0.0.1.
 * The workload advances with the scrapes (see Workload).
 */
export async function startExporter(): Promise<Exporter> {
  const metrics = createExporterMetrics();
  const workload = new Workload(metrics);

  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end('not found\n');
      return;
    }
    // Ticks and serialisation run without yielding to other work, so a scrape sees whole ticks.
    const at = workload.observeScrape();
    metrics.registry.metrics().then(
      (body) =>
        res
          .writeHead(200, { 'Content-Type': metrics.registry.contentType })
          .end(withTimestamp(body, at)),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const target = `127.0.0.1:${port}`;

  return {
    target,
    url: `http://${target}`,
    workload,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
