import { join } from 'node:path';
import { buildProduction, SUBPATH } from './embed/stack';

/**
 * Builds the production app once for every worker's embed and deploy stacks (at `/` and under
 * the subpath), unless the caller points at builds of its own. The demo build is the web
 * server's.
 */
export default async function globalSetup() {
  const dir = join('node_modules', '.cache', 'e2e-builds');
  if (!process.env.EMBED_E2E_DIST) {
    const root = join(dir, 'root');
    await buildProduction(root, '/');
    process.env.EMBED_E2E_DIST = root;
  }
  if (!process.env.EMBED_E2E_SUBPATH_DIST) {
    const subpath = join(dir, 'subpath');
    await buildProduction(subpath, SUBPATH);
    process.env.EMBED_E2E_SUBPATH_DIST = subpath;
  }
}
