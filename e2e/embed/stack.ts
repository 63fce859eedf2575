import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostServer, type HostServer } from './hostPage';
import { startNginx, type Nginx } from './nginx';
import { run } from './processes';
import { startPrometheusStub, type PrometheusStub } from './prometheusStub';

export type EmbedStack = {
  /** The production build behind Debian's nginx and the deploy template. */
  app: Nginx;
  prometheus: PrometheusStub;
  /** A portal on an origin listed in `embed.allowedOrigins`. */
  portal: HostServer;
  /** A page allowed to frame the app (frame-ancestors) but not to command it. */
  stranger: HostServer;
  stop: () => Promise<void>;
};

/** Stops what was started, last first, and removes the work directory. */
function cleanup(workDir: string) {
  const stoppers: Array<() => Promise<void>> = [];
  return {
    add: (stop: () => Promise<void>) => stoppers.push(stop),
    run: async () => {
      for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/**
 * The production build (no demo mode) for `base`, copied into `outDir`. The suite's global
 * set-up builds each base once (EMBED_E2E_DIST, EMBED_E2E_SUBPATH_DIST), so CI can also test
 * the very files it ships; without them, as when a spec runs on its own, it builds here.
 */
async function buildApp(outDir: string, base = '/'): Promise<void> {
  const prebuilt = base === '/' ? process.env.EMBED_E2E_DIST : process.env.EMBED_E2E_SUBPATH_DIST;
  if (prebuilt) {
    cpSync(prebuilt, outDir, { recursive: true });
    return;
  }
  await buildProduction(outDir, base);
}

/** `vite build` without demo mode, for `base`, into `outDir`. */
export async function buildProduction(outDir: string, base: string): Promise<void> {
  const env = { ...process.env };
  delete env.VITE_DEMO;
  await run(
    'node_modules/.bin/vite',
    ['build', '--base', base, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { env },
  );
}

function writeConfig(dir: string, prometheus: string, allowedOrigins: string[]) {
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      title: 'Observatory',
      datasources: { prometheus: { url: prometheus } },
      // Nothing refreshes on its own, so the request log only moves when a test acts.
      defaults: { refresh: 'off' },
      embed: { allowedOrigins },
    }),
  );
}

export async function startEmbedStack(): Promise<EmbedStack> {
  const workDir = mkdtempSync(join(tmpdir(), 'observatory-embed-'));
  const stoppers = cleanup(workDir);
  try {
    const dist = join(workDir, 'dist');
    const prometheus = await startPrometheusStub();
    stoppers.add(prometheus.close);
    const portal = await startHostServer();
    stoppers.add(portal.close);
    const stranger = await startHostServer();
    stoppers.add(stranger.close);
    await buildApp(dist);
    writeConfig(dist, prometheus.origin, [portal.origin]);
    const app = await startNginx(workDir, {
      rootDir: dist,
      connectSrc: prometheus.origin,
      frameAncestors: `'self' ${portal.origin} ${stranger.origin}`,
    });
    stoppers.add(app.stop);
    return { app, prometheus, portal, stranger, stop: stoppers.run };
  } catch (error) {
    await stoppers.run();
    throw error;
  }
}

export const SUBPATH = '/observatory/';

/**
 * The app built with `--base /observatory/` and served under that path by the same template
 * (BASE_PATH), beside the stack's Prometheus stub and portal.
 */
export async function startSubpathApp(
  stack: EmbedStack,
): Promise<{ app: Nginx; stop: () => Promise<void> }> {
  const workDir = mkdtempSync(join(tmpdir(), 'observatory-subpath-'));
  const stoppers = cleanup(workDir);
  try {
    const root = join(workDir, 'www');
    const dist = join(root, SUBPATH);
    mkdirSync(dist, { recursive: true });
    await buildApp(dist, SUBPATH);
    writeConfig(dist, stack.prometheus.origin, [stack.portal.origin]);
    const app = await startNginx(workDir, {
      rootDir: root,
      basePath: SUBPATH,
      connectSrc: stack.prometheus.origin,
      frameAncestors: `'self' ${stack.portal.origin}`,
    });
    stoppers.add(app.stop);
    return { app, stop: stoppers.run };
  } catch (error) {
    await stoppers.run();
    throw error;
  }
}
