import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen } from './processes';

export type RecordedRequest = {
  method: string;
  path: string;
  /** The Authorization header as it arrived, or null. */
  authorization: string | null;
  at: number;
};

export type PrometheusStub = {
  origin: string;
  requests: RecordedRequest[];
  close: () => Promise<void>;
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.once('end', () => resolve(body));
    req.once('error', reject);
  });
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'authorization, content-type',
    'Access-Control-Max-Age': '0',
    Vary: 'Origin',
  };
}

/** What the stub answers for each API path: small, valid Prometheus responses. */
function answer(path: string, params: URLSearchParams): unknown {
  const now = Date.now() / 1000;
  switch (path) {
    case '/api/v1/query':
      return {
        resultType: 'vector',
        result: [{ metric: {}, value: [Number(params.get('time') ?? now), '1'] }],
      };
    case '/api/v1/query_range': {
      const start = Number(params.get('start') ?? now - 3600);
      const end = Number(params.get('end') ?? now);
      const values = [0, 0.5, 1].map((f) => [start + (end - start) * f, String(1 + f)]);
      return { resultType: 'matrix', result: [{ metric: {}, values }] };
    }
    case '/api/v1/alerts':
      return { alerts: [] };
    case '/api/v1/rules':
      return { groups: [] };
    case '/api/v1/status/buildinfo':
      return { version: '2.42.0' };
    default:
      return [];
  }
}

/**
 * A stand-in for Prometheus on its own origin: answers the query API with CORS headers (so
 * the browser lets the app send an Authorization header) and records every request.
 */
export async function startPrometheusStub(): Promise<PrometheusStub> {
  const requests: RecordedRequest[] = [];
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const body = req.method === 'POST' ? await readBody(req) : '';
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders(req)).end();
      return;
    }
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      authorization: req.headers.authorization ?? null,
      at: Date.now(),
    });
    const params = new URLSearchParams(body || url.search);
    res
      .writeHead(200, { ...corsHeaders(req), 'Content-Type': 'application/json' })
      .end(JSON.stringify({ status: 'success', data: answer(url.pathname, params) }));
  };
  const { origin, close } = await listen((req, res) => void handler(req, res));
  return { origin, requests, close };
}
