// @vitest-environment node
import { DataSourceError } from '../http';
import { createGatewayRest } from './rest';
import { execution, metricsSnapshot } from '@/test/live/fixtures';
import { gatewayUrls } from './urls';

function restWith(
  respond: (url: string, init?: RequestInit) => Response | Promise<Response>,
  timeoutMs = 1_000,
) {
  const fetchImpl = vi.fn(async (url: string, init?: RequestInit) => respond(url, init));
  return {
    fetchImpl,
    rest: createGatewayRest({ urls: gatewayUrls('http://gw.test'), fetchImpl, timeoutMs }),
  };
}

describe('gateway REST client', () => {
  it('returns validated snapshots with normalised timestamps', async () => {
    const { rest } = restWith(() =>
      Response.json({ seq: 12, ts: '2026-05-01T00:00:00Z', data: metricsSnapshot() }),
    );
    const overview = await rest.overview();
    expect(overview.seq).toBe(12);
    expect(overview.ts).toBe(Date.parse('2026-05-01T00:00:00Z'));
  });

  it('lists executions with a limit', async () => {
    const { rest, fetchImpl } = restWith(() =>
      Response.json({
        ts: 1,
        data: [
          {
            id: 'run-1',
            workflow: 'wf',
            status: 'succeeded',
            startedAt: 1,
            endedAt: 5,
            durationMs: 4,
            stepCount: 2,
            tokens: { input: 10, output: 2 },
            costUsd: 0.01,
          },
        ],
      }),
    );
    const list = await rest.executions({ limit: 20 });
    expect(list.data[0]?.durationMs).toBe(4);
    expect(fetchImpl).toHaveBeenCalledWith(
      'http://gw.test/api/v1/observability/executions?limit=20',
      expect.anything(),
    );
  });

  it("reports the gateway's own error message with the HTTP status", async () => {
    const { rest } = restWith(() =>
      Response.json({ code: 'not_found', message: 'no execution run-9' }, { status: 404 }),
    );
    const failure = rest.execution('run-9');
    await expect(failure).rejects.toThrow('The live gateway returned HTTP 404: no execution run-9');
    await expect(failure).rejects.toMatchObject({ kind: 'http', status: 404 });
  });

  it('rejects a body that does not match the schema, naming the field', async () => {
    const { rest } = restWith(() =>
      Response.json({ seq: 1, ts: 1, data: { ...execution('e'), status: 'exploded' } }),
    );
    await expect(rest.execution('e')).rejects.toThrow(
      /^the live gateway returned data in an unexpected shape at data\.status: /i,
    );
  });

  it('rejects a body that is not JSON', async () => {
    const { rest } = restWith(() => new Response('<html>', { status: 200 }));
    await expect(rest.overview()).rejects.toThrow('The live gateway returned invalid JSON: <html>');
  });

  it('times out a request that never answers', async () => {
    const { rest } = restWith(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
      20,
    );
    const failure = rest.overview();
    await expect(failure).rejects.toBeInstanceOf(DataSourceError);
    await expect(failure).rejects.toThrow('The live gateway did not answer within 20 ms');
  });
});
