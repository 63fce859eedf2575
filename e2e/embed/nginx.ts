import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, hasExited, stopProcess, waitUntil } from '../processes';
import { run } from './processes';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

const running = new Set<ChildProcess>();
// When the test worker is killed before its fixtures tear down, nginx must not outlive it.
process.on('exit', () => {
  for (const child of running) child.kill('SIGTERM'); // nginx's fast shutdown, workers included
});
const RENDER_SCRIPT = fileURLToPath(new URL('../../deploy/render-nginx-conf.sh', import.meta.url));

export type NginxSettings = {
  /** Directory holding `basePath`. */
  rootDir: string;
  /** Path the app is served under (the build's `--base`); `/` by default. */
  basePath?: string;
  connectSrc: string;
  frameAncestors: string;
};

export type Nginx = {
  origin: string;
  /** The server block rendered from deploy/nginx.conf.template. */
  serverConf: string;
  accessLog: () => string;
  errorLog: () => string;
  stop: () => Promise<void>;
};

/**
 * Debian's nginx serving the deploy template, rendered by the deploy script itself, as a
 * foreground child with everything (pid, logs, temp files) in `workDir`.
 */
export async function startNginx(workDir: string, settings: NginxSettings): Promise<Nginx> {
  const port = await freePort();
  const serverConf = await run('sh', [RENDER_SCRIPT], {
    env: {
      PATH: process.env.PATH,
      LISTEN_PORT: String(port),
      ROOT_DIR: settings.rootDir,
      BASE_PATH: settings.basePath ?? '/',
      CONNECT_SRC: settings.connectSrc,
      FRAME_ANCESTORS: settings.frameAncestors,
    },
  });
  const dir = join(workDir, 'nginx');
  mkdirSync(join(dir, 'temp'), { recursive: true });
  const accessLog = join(dir, 'access.log');
  const errorLog = join(dir, 'error.log');
  writeFileSync(join(dir, 'observatory.conf'), serverConf);
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'worker_processes 1;',
      `error_log ${errorLog} info;`,
      'events { worker_connections 64; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log ${accessLog};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `  ${kind}_temp_path ${join(dir, 'temp', kind)};`,
      ),
      `  include ${join(dir, 'observatory.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  writeFileSync(accessLog, '');
  writeFileSync(errorLog, '');
  // Run as root, nginx's workers drop to `nobody`: they must be able to read the build.
  for (const path of [workDir, dir, settings.rootDir]) chmodSync(path, 0o755);

  const child: ChildProcess = spawn(
    NGINX,
    [
      '-p',
      dir,
      '-e',
      errorLog,
      '-c',
      join(dir, 'nginx.conf'),
      '-g',
      `daemon off; pid ${join(dir, 'nginx.pid')};`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const readLog = (path: string) => readFileSync(path, 'utf8');
  try {
    await waitUntil(
      'nginx to answer',
      async () =>
        hasExited(child) || (await fetch(`${origin}${settings.basePath ?? '/'}index.html`)).ok
          ? true
          : undefined,
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    if (hasExited(child)) throw new Error(`exited with ${child.exitCode}`);
  } catch (error) {
    await stopProcess(child);
    throw new Error(`nginx did not start: ${String(error)}\n${stderr}\n${readLog(errorLog)}`);
  }
  return {
    origin,
    serverConf,
    accessLog: () => readLog(accessLog),
    errorLog: () => readLog(errorLog),
    stop: () => stopProcess(child),
  };
}
