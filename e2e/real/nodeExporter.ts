import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, stopProcess } from '../processes';
import { startProcess } from './processes';

export const NODE_EXPORTER_BIN =
  process.env.NODE_EXPORTER_BIN ?? '/usr/bin/prometheus-node-exporter';

export type NodeExporter = { target: string; stop(): Promise<void> };

/**
 * Debian's node exporter on an ephemeral port, so the Resources view reads real machine
 * metrics. Null (with a visible warning) where the binary is not installed.
 */
export async function startNodeExporter(workDir: string): Promise<NodeExporter | null> {
  if (!existsSync(NODE_EXPORTER_BIN)) {
    console.warn(
      `SKIPPED node exporter: ${NODE_EXPORTER_BIN} not found; node_* metrics will be missing`,
    );
    return null;
  }
  const port = await freePort();
  const child = startProcess(
    NODE_EXPORTER_BIN,
    [
      `--web.listen-address=127.0.0.1:${port}`,
      // Only what the Resources view reads: a full scrape can outlast the 1 s interval on a
      // busy machine, and a timed-out scrape leaves gaps in rate().
      '--collector.disable-defaults',
      ...['cpu', 'meminfo', 'filesystem', 'netdev', 'loadavg'].map((c) => `--collector.${c}`),
    ],
    join(workDir, 'node-exporter.log'),
  );
  return { target: `127.0.0.1:${port}`, stop: () => stopProcess(child) };
}
