// @vitest-environment node
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSourceError } from '../http';
import { createFakeFetch } from '@/test/prometheus/fakeFetch';
import { createPromClient } from './promClient';

// Real Prometheus API bodies, read in place from the shared fixtures folder (see its SOURCES.md).
const dir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/fixtures/prometheus',
);
const hasFixtures = fs.existsSync(dir);
if (!hasFixtures) console.warn(`SKIPPED: Prometheus fixtures not found at ${dir}`);

/** A client whose server answers every request with one fixture file. */
function serving(file: string, status = 200) {
  const body = fs.readFileSync(path.join(dir, file), 'utf8');
  const fake = createFakeFetch(
    () => new Response(body, { status, headers: { 'content-type': 'application/json' } }),
  );
  const client = createPromClient({ url: 'http://prom.test:9090', fetchImpl: fake.fetch });
  return { client, requests: fake.requests };
}

const range = { start: 1435781430000, end: 1435781460000, step: 15 };

describe.skipIf(!hasFixtures)('Prometheus client on real response bodies', () => {
  it('query_vector.json: labels, ms timestamps and numeric values', async () => {
    const { client } = serving('query_vector.json');
    const result = await client.query('up');
    expect(result.resultType).toBe('vector');
    expect(result.result).toEqual([
      {
        metric: { __name__: 'up', job: 'prometheus', instance: 'localhost:9090' },
        value: [1435781451781, 1],
      },
      {
        metric: { __name__: 'up', job: 'node', instance: 'localhost:9100' },
        value: [1435781451781, 0],
      },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('query_range_matrix.json: two series of three points', async () => {
    const { client } = serving('query_range_matrix.json');
    const result = await client.queryRange('up', range);
    expect(result.result.map((s) => s.metric.job)).toEqual(['prometheus', 'node']);
    expect(result.result[0]?.values).toEqual([
      [1435781430781, 1],
      [1435781445781, 1],
      [1435781460781, 1],
    ]);
    expect(result.result[1]?.values.map(([, v]) => v)).toEqual([0, 0, 1]);
  });

  it('matrix_inf_nan.json: "+Inf", "NaN" and "-Inf" become numbers', async () => {
    const { client } = serving('matrix_inf_nan.json');
    const result = await client.queryRange('x', range);
    expect(result.result[0]?.values).toEqual([
      [1641889530000, Number.POSITIVE_INFINITY],
      [1641889531000, Number.NaN],
      [1641889532000, Number.NEGATIVE_INFINITY],
    ]);
  });

  it('scalar.json: a single pair with a small decimal', async () => {
    const { client } = serving('scalar.json');
    const result = await client.query('scalar(x)');
    expect(result.resultType).toBe('scalar');
    expect(result.result).toEqual([1651680139104, 0.00002482]);
  });

  it('string.json: the string stays a string', async () => {
    const { client } = serving('string.json');
    const result = await client.query('"example"');
    expect(result.resultType).toBe('string');
    expect(result.result).toEqual([1651680139104, 'example']);
  });

  it('error_bad_data.json as HTTP 400: the server text and type reach the error', async () => {
    const { client } = serving('error_bad_data.json', 400);
    const error = await client.queryRange('up', range).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataSourceError);
    const dsError = error as DataSourceError;
    expect(dsError.kind).toBe('http');
    expect(dsError.status).toBe(400);
    expect(dsError.errorType).toBe('bad_data');
    expect(dsError.serverMessage).toBe(
      'bad_data: invalid parameter "start": cannot parse "" to a valid timestamp',
    );
    expect(dsError.message).toContain(
      'bad_data: invalid parameter "start": cannot parse "" to a valid timestamp',
    );
  });

  it('error_bad_data.json inside a 200: still an error, of kind api', async () => {
    const { client } = serving('error_bad_data.json', 200);
    const error = await client.query('up').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataSourceError);
    expect((error as DataSourceError).kind).toBe('api');
    expect((error as DataSourceError).message).toBe(
      'Prometheus returned an error: bad_data: invalid parameter "start": cannot parse "" to a valid timestamp',
    );
  });

  it('vector_empty_with_warnings.json: empty result, warnings kept', async () => {
    const { client } = serving('vector_empty_with_warnings.json');
    const result = await client.query('up');
    expect(result.result).toEqual([]);
    expect(result.warnings).toEqual(['warning 1', 'warning 2']);
  });

  it('jaeger_status_warning_matrix_empty.json: status "warning" is not a failure', async () => {
    const { client } = serving('jaeger_status_warning_matrix_empty.json');
    const result = await client.queryRange('x', range);
    expect(result.result).toEqual([]);
    expect(result.warnings).toEqual(['warning0', 'warning1']);
  });

  it('jaeger_matrix_service_datapoint.json: a huge value and an integer timestamp', async () => {
    const { client } = serving('jaeger_matrix_service_datapoint.json');
    const result = await client.queryRange('x', range);
    expect(result.result).toEqual([
      { metric: { service_name: 'emailservice' }, values: [[1620351786000, 9223372036854]] },
    ]);
  });

  it('series.json: label sets', async () => {
    const { client } = serving('series.json');
    const series = await client.series(['up', 'process_start_time_seconds{job="prometheus"}']);
    expect(series).toHaveLength(3);
    expect(series[2]).toEqual({
      __name__: 'process_start_time_seconds',
      job: 'prometheus',
      instance: 'localhost:9090',
    });
  });

  it('labels.json: label names', async () => {
    const { client } = serving('labels.json');
    const names = await client.labels();
    expect(names).toHaveLength(21);
    expect(names[0]).toBe('__name__');
    expect(names).toContain('scrape_job');
  });

  it('label_values.json: values of one label', async () => {
    const { client } = serving('label_values.json');
    await expect(client.labelValues('http_status_code')).resolves.toEqual(['200', '504']);
  });

  it('query_exemplars.json: exemplar values as numbers, timestamps in ms', async () => {
    const { client } = serving('query_exemplars.json');
    const series = await client.exemplars('test_exemplar_metric_total', {
      start: 1600096945000,
      end: 1600096970000,
    });
    expect(series.map((s) => s.seriesLabels.service)).toEqual(['bar', 'foo']);
    expect(series[1]?.exemplars).toEqual([
      { labels: { trace_id: 'Olp9XHlq763ccsfa' }, value: 19, timestamp: 1600096955479 },
      { labels: { trace_id: 'hCtjygkIHwAN9vs4' }, value: 20, timestamp: 1600096965489 },
    ]);
  });

  it('metadata.json: metric name to its metadata entries', async () => {
    const { client } = serving('metadata.json');
    const metadata = await client.metadata({ limit: 2 });
    expect(Object.keys(metadata)).toEqual(['cortex_ring_tokens', 'http_requests_total']);
    expect(metadata.http_requests_total?.map((m) => m.help)).toEqual([
      'Number of HTTP requests',
      'Amount of HTTP requests',
    ]);
  });

  it('targets.json: active and dropped targets', async () => {
    const { client } = serving('targets.json');
    const targets = await client.targets();
    expect(targets.activeTargets[0]).toMatchObject({
      health: 'up',
      scrapeInterval: '1m',
      scrapeUrl: 'http://127.0.0.1:9090/metrics',
      lastScrapeDuration: 0.050688943,
    });
    expect(targets.droppedTargets.map((t) => t.scrapePool)).toEqual(['node']);
  });

  it('targets_metadata.json: metadata per target', async () => {
    const { client, requests } = serving('targets_metadata.json');
    const entries = await client.targetMetadata({
      metric: 'go_goroutines',
      matchTarget: '{job="prometheus"}',
      limit: 2,
    });
    expect(requests[0]?.params.get('match_target')).toBe('{job="prometheus"}');
    expect(entries.map((e) => e.target.instance)).toEqual(['127.0.0.1:9090', '127.0.0.1:9091']);
    expect(entries[0]).toMatchObject({ type: 'gauge', unit: '' });
  });
});
