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
    workload.observeScrape();
    metrics.registry.metrics().then(
      (body) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(body),
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
