import { expect, test } from './fixtures';

/** A Content-Security-Policy header as directive → sources. */
function parseCsp(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

async function head(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  return response;
}

test.describe('nginx serving the production build', () => {
  test('sends a CSP without inline or eval scripts, with the configured backends and framers', async ({
    stack,
  }) => {
    const csp = parseCsp(
      (await head(`${stack.app.origin}/health`)).headers.get('content-security-policy'),
    );
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", stack.prometheus.origin]);
    expect(csp.get('frame-ancestors')).toEqual([
      "'self'",
      stack.portal.origin,
      stack.stranger.origin,
    ]);
  });

  test('falls back to index.html for client routes, never for missing assets', async ({
    stack,
  }) => {
    const index = await (await fetch(`${stack.app.origin}/index.html`)).text();
    for (const path of [
      '/',
      '/health',
      '/traces/4bf92f3577b34da6',
      '/embed/panel/health.throughput',
    ]) {
      const response = await fetch(`${stack.app.origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(index);
    }
    expect((await head(`${stack.app.origin}/assets/missing-0123abcd.js`)).status).toBe(404);
  });

  test('caches hashed assets for a year and revalidates index.html and config.json', async ({
    stack,
  }) => {
    const index = await (await fetch(`${stack.app.origin}/`)).text();
    const assets = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const response = await head(`${stack.app.origin}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('cache-control'), asset).toBe(
        'public, max-age=31536000, immutable',
      );
    }
    for (const path of ['/', '/index.html', '/health', '/config.json']) {
      expect((await head(`${stack.app.origin}${path}`)).headers.get('cache-control'), path).toBe(
        'no-cache',
      );
    }
  });

  test('compresses text assets with gzip', async ({ stack }) => {
    const index = await (await fetch(`${stack.app.origin}/`)).text();
    const assets = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
      (m) => m[1] ?? '',
    );
    // Below gzip_min_length (1 KB) compressing is not worth it; everything above is compressed.
    let compressed = 0;
    for (const path of [...assets, '/config.json']) {
      const plain = await head(`${stack.app.origin}${path}`, { 'Accept-Encoding': 'identity' });
      const gzip = await head(`${stack.app.origin}${path}`, { 'Accept-Encoding': 'gzip' });
      const size = Number(plain.headers.get('content-length'));
      if (size < 1024) continue;
      expect(gzip.headers.get('content-encoding'), path).toBe('gzip');
      compressed += 1;
    }
    expect(compressed).toBeGreaterThan(0);
  });

  test('the build has no inline script for the CSP to refuse', async ({ stack }) => {
    const index = await (await fetch(`${stack.app.origin}/`)).text();
    const scripts = [...index.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="/);
      expect(body?.trim()).toBe('');
    }
    expect(index).not.toMatch(/\son[a-z]+=/i);
  });

  for (const path of ['/health', '/agents', '/errors', '/resources', '/traces', '/executions']) {
    test(`${path} runs under the CSP with no violation and no console error`, async ({
      page,
      stack,
    }) => {
      await page.goto(`${stack.app.origin}${path}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      // Let panels query and render before the fixtures check for violations.
      await page.waitForLoadState('networkidle');
    });
  }
});
