// @vitest-environment node
import { DataSourceError, isAbortError } from '../http';
import { createFakeFetch, jsonResponse, type Route } from '@/test/prometheus/fakeFetch';
import { createPromClient, type PromClientOptions } from './promClient';

const BASE = 'http://prom.test:9090';

function success(data: unknown, extra: Record<string, unknown> = {}) {
  return jsonResponse({ status: 'success', data, ...extra });
}

const vectorOf = (value: string) => ({
  resultType: 'vector',
  result: [{ metric: { job: 'api' }, value: [1700000000.5, value] }],
});

function setup(route: Route, options: Partial<PromClientOptions> = {}) {
  const fake = createFakeFetch(route);
  const client = createPromClient({ url: BASE, fetchImpl: fake.fetch, ...options });
  return { client, requests: fake.requests };
}

async function failure(promise: Promise<unknown>): Promise<DataSourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataSourceError);
  return error as DataSourceError;
}

describe('query', () => {
  it('POSTs a form with the time in seconds and returns samples in ms', async () => {
    const { client, requests } = setup(() => success(vectorOf('42.5')));
    const result = await client.query('sum(rate(x[5m]))', { time: 1700000000123 });
    expect(requests).toHaveLength(1);
    const [req] = requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/api/v1/query');
    expect(req?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(req?.params.get('query')).toBe('sum(rate(x[5m]))');
    expect(req?.params.get('time')).toBe('1700000000.123');
    expect(result).toMatchObject({
      resultType: 'vector',
      result: [{ metric: { job: 'api' }, value: [1700000000500, 42.5] }],
      warnings: [],
      infos: [],
    });
  });

  it('reports request meta for the Inspect view', async () => {
    const { client } = setup(() => success(vectorOf('1')));
    const { meta } = await client.query('up');
    expect(meta).toMatchObject({
      url: `${BASE}/api/v1/query`,
      method: 'POST',
      status: 200,
      requestBody: 'query=up',
    });
    expect(meta.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('passes warnings and infos through', async () => {
    const { client } = setup(() =>
      success(vectorOf('1'), {
        warnings: ['partial response'],
        infos: ['metric might not be a counter'],
      }),
    );
    const result = await client.query('up');
    expect(result.warnings).toEqual(['partial response']);
    expect(result.infos).toEqual(['metric might not be a counter']);
  });

  it('skips vector samples that carry only a native histogram', async () => {
    const { client } = setup(() =>
      success({
        resultType: 'vector',
        result: [
          { metric: { le: 'x' }, histogram: [1700000000, { count: '3', sum: '1.5', buckets: [] }] },
          { metric: { job: 'api' }, value: [1700000000, '7'] },
        ],
      }),
    );
    const result = await client.query('h');
    expect(result.result).toEqual([{ metric: { job: 'api' }, value: [1700000000000, 7] }]);
  });
});

describe('queryRange', () => {
  it('sends start, end and step in seconds and returns a matrix in ms', async () => {
    const { client, requests } = setup(() =>
      success({
        resultType: 'matrix',
        result: [
          {
            metric: {},
            values: [
              [1700000000, '1'],
              [1700000015, '+Inf'],
            ],
          },
        ],
      }),
    );
    const result = await client.queryRange('up', {
      start: 1700000000000,
      end: 1700003600000,
      step: 15,
    });
    const params = requests[0]?.params;
    expect(params?.get('start')).toBe('1700000000');
    expect(params?.get('end')).toBe('1700003600');
    expect(params?.get('step')).toBe('15');
    expect(result.resultType).toBe('matrix');
    expect(result.result[0]?.values).toEqual([
      [1700000000000, 1],
      [1700000015000, Number.POSITIVE_INFINITY],
    ]);
  });

  it('rejects a non-matrix result with a schema error', async () => {
    const { client } = setup(() => success(vectorOf('1')));
    const error = await failure(client.queryRange('up', { start: 0, end: 60_000, step: 15 }));
    expect(error.kind).toBe('schema');
    expect(error.message).toContain('at data.resultType');
  });
});

describe('POST refused', () => {
  it('retries with GET after a 405 and keeps using GET', async () => {
    const { client, requests } = setup((req) =>
      req.method === 'POST'
        ? new Response('method not allowed', { status: 405 })
        : req.path === '/api/v1/series'
          ? success([{ __name__: 'up' }])
          : success(vectorOf('1')),
    );
    await client.query('up{job="a b"}');
    await client.series(['up']);
    expect(requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET']);
    expect(requests[1]?.body).toBeUndefined();
    expect(requests[1]?.params.get('query')).toBe('up{job="a b"}');
    expect(requests[2]?.params.getAll('match[]')).toEqual(['up']);
  });
});

describe('headers', () => {
  it('sends fixed headers on every request', async () => {
    const { client, requests } = setup(() => success(['a']), {
      headers: { Authorization: 'Bearer abc', 'X-Scope-OrgID': 'team-a' },
    });
    await client.labels();
    await client.query('up').catch(() => undefined);
    for (const req of requests) {
      expect(req.headers.get('authorization')).toBe('Bearer abc');
      expect(req.headers.get('x-scope-orgid')).toBe('team-a');
    }
  });

  it('reads a header provider before each request, so a new token applies at once', async () => {
    let token: string | null = 'first';
    const { client, requests } = setup(() => success(['a']), {
      headers: (): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {}),
    });
    await client.labels();
    token = 'second';
    await client.labels();
    token = null;
    await client.labels();
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer first',
      'Bearer second',
      null,
    ]);
  });
});

describe('errors', () => {
  it('carries a bad_data error text and type into the error', async () => {
    const { client } = setup(() =>
      jsonResponse(
        { status: 'error', errorType: 'bad_data', error: '1:5: parse error: unexpected "}"' },
        400,
      ),
    );
    const error = await failure(client.query('up{}}'));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
    expect(error.errorType).toBe('bad_data');
    expect(error.source).toBe('Prometheus');
    expect(error.message).toContain('HTTP 400');
    expect(error.message).toContain('bad_data: 1:5: parse error: unexpected "}"');
  });

  it('treats status "error" inside a 200 as an api error', async () => {
    const { client } = setup(() =>
      jsonResponse({ status: 'error', errorType: 'execution', error: 'query timed out' }),
    );
    const error = await failure(client.query('up'));
    expect(error.kind).toBe('api');
    expect(error.errorType).toBe('execution');
    expect(error.message).toBe('Prometheus returned an error: execution: query timed out');
  });

  it('names the source configured for the client', async () => {
    const { client } = setup(() => new Response('Service Unavailable', { status: 503 }), {
      name: 'Mimir (prod)',
    });
    const error = await failure(client.buildInfo());
    expect(error.message).toBe('Mimir (prod) returned HTTP 503: Service Unavailable');
  });

  it('points at the bad field, inside data, when a value is not a number', async () => {
    const { client } = setup(() => success(vectorOf('lots')));
    const error = await failure(client.query('up'));
    expect(error.kind).toBe('schema');
    expect(error.message).toContain('at data.result[0].value[1]');
    expect(error.message).toContain('"lots" is not a sample value');
  });

  it('reports missing data as a schema error', async () => {
    const { client } = setup(() => jsonResponse({ status: 'success' }));
    const error = await failure(client.labels());
    expect(error.kind).toBe('schema');
    expect(error.message).toContain('at data');
  });

  it('gives kind aborted when the caller cancels', async () => {
    const { client } = setup(() => new Promise<Response>(() => undefined));
    const controller = new AbortController();
    const pending = failure(client.query('up', { signal: controller.signal }));
    controller.abort();
    const error = await pending;
    expect(error.kind).toBe('aborted');
    expect(isAbortError(error)).toBe(true);
  });
});

describe('deduplication', () => {
  it('sends identical concurrent queries once', async () => {
    const { client, requests } = setup(() => success(vectorOf('3')));
    const [a, b] = await Promise.all([client.query('up'), client.query('up')]);
    expect(requests).toHaveLength(1);
    expect(a.result).toEqual(b.result);
  });

  it('keeps requests apart when the query or the headers differ', async () => {
    let tenant = 'a';
    const { client, requests } = setup(() => success(vectorOf('3')), {
      headers: () => ({ 'X-Scope-OrgID': tenant }),
    });
    const first = client.query('up');
    const other = client.query('up + 1');
    tenant = 'b';
    const otherTenant = client.query('up');
    await Promise.all([first, other, otherTenant]);
    expect(requests).toHaveLength(3);
  });

  it('lets one panel cancel without cancelling the other panel sharing the request', async () => {
    let answer: (response: Response) => void = () => undefined;
    const { client, requests } = setup(
      () => new Promise<Response>((resolve) => (answer = resolve)),
    );
    const controller = new AbortController();
    const leaving = failure(client.query('up', { signal: controller.signal }));
    const staying = client.query('up');
    controller.abort();
    expect((await leaving).kind).toBe('aborted');
    answer(success(vectorOf('9')));
    await expect(staying).resolves.toMatchObject({ result: [{ value: [1700000000500, 9] }] });
    expect(requests).toHaveLength(1);
  });
});

describe('other endpoints', () => {
  it('series POSTs every matcher as match[] with optional bounds', async () => {
    const { client, requests } = setup(() => success([{ __name__: 'up', job: 'a' }]));
    const series = await client.series(['up', 'process_start_time_seconds{job="a"}'], {
      start: 1700000000000,
    });
    expect(series).toEqual([{ __name__: 'up', job: 'a' }]);
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.params.getAll('match[]')).toEqual([
      'up',
      'process_start_time_seconds{job="a"}',
    ]);
    expect(requests[0]?.params.get('start')).toBe('1700000000');
    expect(requests[0]?.params.has('end')).toBe(false);
  });

  it('labelValues escapes the label name in the path and GETs with match[]', async () => {
    const { client, requests } = setup(() => success(['200']));
    await client.labelValues('http/status', { match: ['up'], end: 1000 });
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.path).toBe('/api/v1/label/http%2Fstatus/values');
    expect(requests[0]?.params.getAll('match[]')).toEqual(['up']);
    expect(requests[0]?.params.get('end')).toBe('1');
  });

  it('works behind a path prefix with a trailing slash', async () => {
    const { client, requests } = setup(() => success(['a']), { url: '/demo/prometheus/' });
    await client.labels();
    expect(requests[0]?.url).toBe('/demo/prometheus/api/v1/labels');
  });

  it('alerts parses state and value', async () => {
    const { client } = setup(() =>
      success({
        alerts: [
          {
            activeAt: '2018-07-04T20:27:12.60602144+02:00',
            annotations: {},
            labels: { alertname: 'my-alert' },
            state: 'firing',
            value: '1e+00',
          },
        ],
      }),
    );
    const [alert] = await client.alerts();
    expect(alert).toMatchObject({ state: 'firing', value: 1, labels: { alertname: 'my-alert' } });
  });

  it('rules sends the type filter and parses alerting and recording rules', async () => {
    const { client, requests } = setup(() =>
      success({
        groups: [
          {
            name: 'example',
            file: '/rules.yaml',
            interval: 60,
            rules: [
              {
                alerts: [
                  {
                    activeAt: '2018-07-04T20:27:12.60602144+02:00',
                    annotations: { summary: 'High request latency' },
                    labels: { alertname: 'HighRequestLatency', severity: 'page' },
                    state: 'firing',
                    value: '1e+00',
                  },
                ],
                annotations: { summary: 'High request latency' },
                duration: 600,
                health: 'ok',
                labels: { severity: 'page' },
                name: 'HighRequestLatency',
                query: 'job:request_latency_seconds:mean5m{job="myjob"} > 0.5',
                type: 'alerting',
              },
              {
                health: 'ok',
                name: 'job:http_inprogress_requests:sum',
                query: 'sum by (job) (http_inprogress_requests)',
                type: 'recording',
              },
            ],
          },
        ],
      }),
    );
    const groups = await client.rules({ type: 'alert' });
    expect(requests[0]?.params.get('type')).toBe('alert');
    const [alerting, recording] = groups[0]?.rules ?? [];
    expect(alerting?.type).toBe('alerting');
    if (alerting?.type === 'alerting') {
      expect(alerting.duration).toBe(600);
      expect(alerting.alerts[0]?.value).toBe(1);
    }
    expect(recording).toMatchObject({ type: 'recording', labels: {} });
  });

  it('buildInfo returns the version', async () => {
    const { client, requests } = setup(() =>
      success({ version: '2.42.0', revision: 'abc', branch: 'HEAD', goVersion: 'go1.19' }),
    );
    await expect(client.buildInfo()).resolves.toMatchObject({ version: '2.42.0' });
    expect(requests[0]?.path).toBe('/api/v1/status/buildinfo');
  });
});
