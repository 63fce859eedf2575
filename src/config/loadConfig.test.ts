import { describe, expect, it } from 'vitest';
import { fetchText } from '@/datasources/http';
import { loadConfig, validateConfig } from './loadConfig';

const respond = (body: string, status = 200) =>
  fetchText('/config.json', {
    fetchImpl: async () =>
      new Response(body, { status, statusText: status === 200 ? 'OK' : 'Not Found' }),
  });

describe('validateConfig', () => {
  it('fills defaults for an empty document', () => {
    const result = validateConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.preset).toBe('aet');
    expect(result.config.defaults.from).toBe('now-1h');
    expect(result.config.datasources.prometheus).toBeUndefined();
  });

  it('lists every problem with its JSON path', () => {
    const result = validateConfig({
      datasources: { prometheus: { url: '' }, traces: { kind: 'zipkin', url: 'http://t' } },
      embed: { allowedOrigins: ['https://ok.example.com', 'not an origin'] },
      defaults: { refresh: '7s' },
      colour: 'blue',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'datasources.prometheus.url',
        'datasources.traces.kind',
        'embed.allowedOrigins[1]',
        'defaults.refresh',
        '(root)',
      ]),
    );
    expect(result.problems.find((p) => p.path === '(root)')?.message).toContain('"colour"');
  });
});

describe('loadConfig', () => {
  it('reports an unreachable file', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const result = await loadConfig(
      '/config.json',
      fetchText('/config.json', { fetchImpl: failing }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'config-unreachable',
      problems: [{ path: '(file)' }],
    });
    if (result.ok) return;
    expect(result.problems[0]?.message).toMatch(
      /^Cannot reach the server at \/config\.json: Failed to fetch\./,
    );
  });

  it('reports a missing file with its HTTP status', async () => {
    const result = await loadConfig('/config.json', respond('nope', 404));
    expect(result).toMatchObject({
      ok: false,
      code: 'config-http',
      problems: [{ message: 'The server returned HTTP 404 Not Found: nope' }],
    });
  });

  it('says so when the server answers with a web page instead of config.json', async () => {
    const result = await loadConfig('/config.json', respond('<!doctype html><html></html>'));
    expect(result).toMatchObject({
      ok: false,
      code: 'config-not-json',
      problems: [{ message: expect.stringMatching(/^is a web page, not JSON/) }],
    });
  });

  it('reports a config.json that does not answer in time as a timeout', async () => {
    const hanging = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )) as typeof fetch;
    const result = await loadConfig(
      '/config.json',
      fetchText('/config.json', { fetchImpl: hanging, timeoutMs: 10, source: 'config.json' }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'config-timeout',
      problems: [{ message: 'Config.json did not answer within 10 ms' }],
    });
  });

  it('reports malformed JSON', async () => {
    const result = await loadConfig('/config.json', respond('{"demo": tru'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toMatch(/^is not valid JSON/);
  });

  it('accepts a valid file', async () => {
    const result = await loadConfig(
      '/config.json',
      respond(JSON.stringify({ datasources: { prometheus: { url: 'http://prom:9090' } } })),
    );
    expect(result.ok).toBe(true);
  });
});
