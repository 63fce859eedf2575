import { createServer } from 'node:http';
import { createExporterMetrics } from './metrics';
import { Workload } from './workload';

/**
 * The scripted workload's exporter, run as its own Node process (see exporter.ts) so that
 * nothing else shares its event loop: a scrape it answers late would leave a gap in rate().
 *
 * Usage: node --import jiti/register e2e/real/exporterServer.ts <port>
 *   GET  /metrics                the workload's metrics (OpenMetrics, every sample timestamped)
 *   GET  /ready                  200 once listening; does not start the workload's clock
 *   POST /control/burst          starts the 5xx burst; answers { startsAt, endsAt }
 *   GET  /control/failed-tasks   failed tasks up to the last scrape; answers { failedTasks }
 */

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

function serve(port: number): void {
  const metrics = createExporterMetrics();
  const workload = new Workload(metrics);
  const json = (res: import('node:http').ServerResponse, value: unknown) =>
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));

  const server = createServer((req, res) => {
    const route = `${req.method} ${req.url}`;
    try {
      if (route === 'GET /metrics') {
        // Ticks and serialisation run without yielding to other work, so a scrape sees whole ticks.
        const at = workload.observeScrape();
        metrics.registry.metrics().then(
          (body) =>
            res
              .writeHead(200, { 'Content-Type': metrics.registry.contentType })
              .end(withTimestamp(body, at)),
          (error: unknown) => res.writeHead(500).end(String(error)),
        );
      } else if (route === 'GET /ready') json(res, { ready: true });
      else if (route === 'POST /control/burst') json(res, workload.startBurst());
      else if (route === 'GET /control/failed-tasks')
        json(res, { failedTasks: workload.failedTasks() });
      else res.writeHead(404).end('not found\n');
    } catch (error) {
      res.writeHead(500).end(error instanceof Error ? error.message : String(error));
    }
  });
  server.listen(port, '127.0.0.1');
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

serve(Number(process.argv[2]));
