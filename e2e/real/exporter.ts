import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { freePort, stopProcess, waitUntil } from '../processes';
import { startProcess } from './processes';

export type Exporter = {
  /** Host and port, as a Prometheus scrape target. */
  target: string;
  url: string;
  /**
   * Starts the error burst with the next tick, so the next two scrapes carry it; resolves to
   * when it starts and ends (epoch ms, on the scrape schedule).
   */
  startBurst(): Promise<{ startsAt: number; endsAt: number }>;
  /** Failed (error or timeout) tasks up to the last scrape: the ground truth for "last 24 h". */
  failedTasks(): Promise<number>;
  close(): Promise<void>;
};

const SERVER = fileURLToPath(new URL('./exporterServer.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts the scripted workload's exporter (exporterServer.ts) in its own Node process on a
 * free port of 127.0.0.1. In the test worker it shared an event loop with Playwright, whose
 * stalls on a loaded machine made Prometheus' 1 s scrapes time out and rate() read low.
 */
export async function startExporter(workDir: string): Promise<Exporter> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = startProcess(
    process.execPath,
    ['--import', 'jiti/register', SERVER, String(port)],
    join(workDir, 'exporter.log'),
    REPO_ROOT,
  );
  const close = () => stopProcess(child);
  const call = async <T>(method: string, path: string): Promise<T> => {
    const res = await fetch(`${url}${path}`, { method });
    if (!res.ok)
      throw new Error(`exporter ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  try {
    await waitUntil('the exporter to listen', () => call<{ ready: true }>('GET', '/ready'));
  } catch (error) {
    await close();
    throw error;
  }
  return {
    target: `127.0.0.1:${port}`,
    url,
    startBurst: () => call('POST', '/control/burst'),
    failedTasks: async () =>
      (await call<{ failedTasks: number }>('GET', '/control/failed-tasks')).failedTasks,
    close,
  };
}
