import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen } from '../embed/processes';
import { HOSTILE_STRINGS } from './payloads';

const labels = Object.values(HOSTILE_STRINGS);

/** Every series carries a hostile label value in each label a view groups by. */
function metric(i: number) {
  const v = labels[i % labels.length] ?? '';
  return {
    agent: v,
    instance: v,
    error_type: v,
    operation: v,
    gen_ai_request_model: v,
    tool: v,
    status: 'error',
  };
}

/**
 * The answers a hostile Prometheus gives, each serialised once. They are large
 * (the long label value in six labels), so building them per request, or sending them through
 * the browser's request interception, would make the test time its own harness.
 */
function hostileBodies(nowSec: number): Record<string, string> {
  const matrix = labels.map((_, i) => ({
    metric: metric(i),
    values: Array.from({ length: 40 }, (_, k) => [
      nowSec - (40 - k) * 60,
      String((i + 1) * (k % 7)),
    ]),
  }));
  const vector = labels.map((_, i) => ({ metric: metric(i), value: [nowSec, String(i + 1)] }));
  const alerts = labels.map((v) => ({
    labels: { alertname: v, severity: v },
    annotations: { summary: v, runbook_url: HOSTILE_STRINGS.jsUrl },
    state: 'firing',
    activeAt: new Date(nowSec * 1000).toISOString(),
    value: '1',
  }));
  const ok = (data: unknown) => JSON.stringify({ status: 'success', data });
  return {
    query_range: ok({ resultType: 'matrix', result: matrix }),
    query: ok({ resultType: 'vector', result: vector }),
    alerts: ok({ alerts }),
    buildinfo: ok({ version: HOSTILE_STRINGS.img }),
    other: ok([]),
  };
}

/** A real HTTP server speaking the Prometheus API, whose every label value is hostile. */
export async function startHostilePrometheus() {
  const bodies = hostileBodies(Math.floor(Date.now() / 1000));
  return listen((req: IncomingMessage, res: ServerResponse) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': '*',
      'access-control-allow-methods': 'GET, POST',
    };
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    const last = new URL(req.url ?? '/', 'http://x').pathname.split('/').pop() ?? '';
    res.writeHead(200, { ...cors, 'content-type': 'application/json' });
    res.end(bodies[last] ?? bodies.other);
  });
}
