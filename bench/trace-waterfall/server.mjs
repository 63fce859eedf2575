// A tiny static server for the built app that also plays a Jaeger query service.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FLOOR_FILES } from './floor.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/**
 * Serves `dist` (any unknown path gets index.html, as an SPA host does), `/config.json`
 * pointing a Jaeger source at `/jaeger`, and `/jaeger/api/traces/{id}` from `traces`
 * (a Map of trace id to the response body as a Buffer). With `gzip`, trace bodies are sent
 * compressed to clients that accept it, as Jaeger's query service does. `/floor/` is the bare
 * page of `floor.mjs`.
 */
export function startServer({ dist, traces, port = 0, gzip = false }) {
  // Held in memory, as a static host's cache would, so serving costs the bench little CPU.
  const files = readTree(dist);
  const index = files.get('/index.html');
  const compressed = new Map();
  const gzipped = (id, body) => {
    if (!compressed.has(id)) compressed.set(id, gzipSync(body, { level: 6 }));
    return compressed.get(id);
  };
  const config = Buffer.from(
    JSON.stringify({
      title: 'Observatory bench',
      datasources: { traces: { kind: 'jaeger', url: '/jaeger' } },
    }),
  );
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/config.json') return send(res, 200, 'application/json', config);
    const floor = FLOOR_FILES.get(path);
    if (floor) return send(res, 200, floor.type, floor.body);
    const api = /^\/jaeger\/api\/traces\/([^/]+)$/.exec(path);
    if (api) {
      const body = traces.get(api[1]);
      if (!body) {
        const error = {
          data: null,
          total: 0,
          limit: 0,
          offset: 0,
          errors: [{ code: 404, msg: 'trace not found' }],
        };
        return send(res, 404, 'application/json', Buffer.from(JSON.stringify(error)));
      }
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        const zipped = gzipped(api[1], body);
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': zipped.length,
        });
        return res.end(zipped);
      }
      return send(res, 200, 'application/json', body);
    }
    const file = files.get(path);
    const body = file ?? index;
    res.writeHead(200, {
      'content-type': TYPES[extname(file ? path : '/index.html')] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control':
        file && path.startsWith('/assets/') ? 'max-age=31536000, immutable' : 'no-cache',
    });
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://127.0.0.1:${actual}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'content-length': body.length });
  res.end(body);
}

/** Every file under `dir`, keyed by its URL path. */
function readTree(dir) {
  const files = new Map();
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(`/${relative(dir, full).split('\\').join('/')}`, readFileSync(full));
    }
  };
  walk(dir);
  return files;
}
