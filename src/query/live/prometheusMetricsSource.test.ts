import { createPromClient } from '@/datasources/prometheus';
import { metricsSnapshotSchema } from '@/datasources/live';
import { PROMETHEUS_URL, prometheusAnswering } from '@/test/renderView';
import { server } from '@/test/server';
import { createPrometheusMetricsSource } from './prometheusMetricsSource';
import { SNAPSHOT_QUERIES } from './prometheusSnapshot';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const prometheus = () => createPromClient({ url: PROMETHEUS_URL });

describe('createPrometheusMetricsSource', () => {
  it('computes a valid snapshot from the demo Prometheus, leaving out what it lacks', async () => {
    const source = createPrometheusMetricsSource(prometheus(), {});
    const snapshot = await source.fetch();
    expect(metricsSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.resources.cpuPercent).toBeGreaterThan(0);
    expect(snapshot.successRate).toBeGreaterThan(0.5);
    expect(snapshot.tokens.length).toBeGreaterThan(0);
    // The simulated hosts export no disk I/O counters.
    expect(source.unavailable().has('resources.ioBytesPerSec')).toBe(true);
    expect(source.unavailable().has('resources.cpuPercent')).toBe(false);
    expect(source.unavailable().has('agents')).toBe(true);
  });

  it('tells subscribers when the set of missing fields changes', async () => {
    server.use(
      ...prometheusAnswering((expr) =>
        expr === SNAPSHOT_QUERIES.runningExecutions
          ? { vector: [{ labels: {}, value: 3 }] }
          : undefined,
      ),
    );
    const source = createPrometheusMetricsSource(prometheus(), {});
    const listener = vi.fn();
    source.subscribe(listener);
    const snapshot = await source.fetch();
    expect(snapshot.runningExecutions).toBe(3);
    expect(source.unavailable().has('runningExecutions')).toBe(false);
    expect(source.unavailable().has('activeSteps')).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    await source.fetch();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("fails with Prometheus' own message when no query succeeds", async () => {
    server.use(
      ...prometheusAnswering(() => ({
        status: 503,
        errorType: 'unavailable',
        error: 'TSDB not ready',
      })),
    );
    await expect(createPrometheusMetricsSource(prometheus(), {}).fetch()).rejects.toThrow(
      /TSDB not ready/,
    );
  });
});
