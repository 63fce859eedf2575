// @vitest-environment node
import { createSimulator, RECOVERED_INCIDENT, type Simulator } from '@mocks/sim';
import { instantQuery, rangeQuery } from './promql/evaluator';
import { createSimStore } from './sim-store';

// Dashboard-style queries over the simulator, checked for plausible answers.
const ANCHOR = Date.UTC(2026, 10, 21, 12, 0);
const MINUTE = 60_000;
const sim = createSimulator({ seed: 42, anchorMs: ANCHOR });

function byLabel(
  s: Simulator,
  query: string,
  timeMs: number,
  label: string,
): Record<string, number> {
  const result = instantQuery(createSimStore(s, { nowMs: ANCHOR }), query, timeMs);
  if (result.resultType !== 'vector')
    throw new Error(`expected a vector, got ${result.resultType}`);
  return Object.fromEntries(result.result.map((r) => [r.metric[label] ?? '', r.value[1]]));
}

const SUCCESS_RATE =
  'sum by (agent) (rate(aet_tasks_total{status="success"}[5m])) / sum by (agent) (rate(aet_tasks_total[5m]))';

describe('the simulated platform through PromQL', () => {
  it('keeps every agent between 80 % and 100 % success outside incidents', () => {
    const quiet: number[] = [];
    for (let t = ANCHOR - 24 * 3_600_000; t < ANCHOR; t += 47 * MINUTE) {
      const near = sim.incidents(t - 10 * MINUTE, t + MINUTE);
      if (near.length === 0) quiet.push(t);
    }
    expect(quiet.length).toBeGreaterThan(10);
    for (const t of quiet) {
      const rates = Object.values(byLabel(sim, SUCCESS_RATE, t, 'agent'));
      expect(rates).toHaveLength(6);
      for (const rate of rates) {
        expect(rate).toBeGreaterThan(0.8);
        expect(rate).toBeLessThanOrEqual(1);
      }
    }
  });

  it('shows the recovered error spike in the last hour, on one agent only', () => {
    const [spike] = sim.incidents(
      ANCHOR + RECOVERED_INCIDENT.startMs,
      ANCHOR + RECOVERED_INCIDENT.endMs,
    );
    const during = byLabel(sim, SUCCESS_RATE, ANCHOR - 40 * MINUTE, 'agent');
    expect(during[spike!.agent]).toBeLessThan(0.8);
    const others = Object.entries(during).filter(([agent]) => agent !== spike!.agent);
    expect(others.every(([, rate]) => rate > 0.9)).toBe(true);
    const after = byLabel(sim, SUCCESS_RATE, ANCHOR - 20 * MINUTE, 'agent');
    expect(after[spike!.agent]).toBeGreaterThan(0.9);
  });

  it('reports plausible latency quantiles from the histograms', () => {
    const p50 = byLabel(
      sim,
      'histogram_quantile(0.5, sum by (agent, le) (rate(aet_agent_response_seconds_bucket[5m])))',
      ANCHOR - 2 * 3_600_000,
      'agent',
    );
    const p95 = byLabel(
      sim,
      'histogram_quantile(0.95, sum by (agent, le) (rate(aet_agent_response_seconds_bucket[5m])))',
      ANCHOR - 2 * 3_600_000,
      'agent',
    );
    for (const agent of Object.keys(p95)) {
      expect(p95[agent]).toBeGreaterThan(p50[agent]!);
      expect(p95[agent]).toBeGreaterThan(0.1);
      expect(p95[agent]).toBeLessThan(30);
    }
    const genAi = byLabel(
      sim,
      'histogram_quantile(0.95, sum by (gen_ai_request_model, le) (rate(gen_ai_client_operation_duration_seconds_bucket[5m])))',
      ANCHOR - 2 * 3_600_000,
      'gen_ai_request_model',
    );
    expect(Object.keys(genAi).sort()).toEqual([
      'claude-sonnet-4',
      'gemini-2.5-pro',
      'gpt-4o',
      'gpt-4o-mini',
      'llama-3.1-70b',
      'text-embedding-3-small',
    ]);
    expect(genAi['text-embedding-3-small']).toBeLessThan(genAi['claude-sonnet-4']!);
  });

  it('never sees a counter reset', () => {
    const counters = Object.entries(sim.metadata()).flatMap(([name, meta]) =>
      meta.type === 'counter'
        ? [name]
        : meta.type === 'histogram'
          ? [`${name}_bucket`, `${name}_sum`]
          : [],
    );
    expect(counters.length).toBeGreaterThan(10);
    for (const name of counters) {
      expect(byLabel(sim, `sum(resets(${name}[2h]))`, ANCHOR, ''), name).toEqual({ '': 0 });
    }
  });

  it('forecasts the filling disk running out within a day', () => {
    const hoursLeft = byLabel(
      sim,
      '(node_filesystem_avail_bytes / -deriv(node_filesystem_avail_bytes[6h]) / 3600 > 0) < 48',
      ANCHOR,
      'instance',
    );
    expect(Object.keys(hoursLeft)).toEqual(['aet-worker-3:9100']);
    expect(hoursLeft['aet-worker-3:9100']).toBeGreaterThan(12);
    expect(hoursLeft['aet-worker-3:9100']).toBeLessThan(24);
  });

  it('keeps CPU utilisation between 0 and 1', () => {
    const cpu = byLabel(
      sim,
      '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))',
      ANCHOR,
      'instance',
    );
    expect(Object.keys(cpu)).toHaveLength(3);
    for (const value of Object.values(cpu)) {
      expect(value).toBeGreaterThan(0.05);
      expect(value).toBeLessThan(1);
    }
  });

  it('gives the same answers for the same inputs, and others for another seed', () => {
    const query = 'sum by (agent) (rate(aet_tasks_total{status!="success"}[5m]))';
    const run = (s: Simulator) =>
      rangeQuery(createSimStore(s, { nowMs: ANCHOR }), query, ANCHOR - 3_600_000, ANCHOR, 60_000);
    const twin = createSimulator({ seed: 42, anchorMs: ANCHOR });
    expect(run(twin)).toEqual(run(sim));
    expect(run(createSimulator({ seed: 7, anchorMs: ANCHOR }))).not.toEqual(run(sim));
  });

  it('has no samples after now', () => {
    const store = createSimStore(sim, { nowMs: ANCHOR });
    const result = rangeQuery(store, 'up', ANCHOR - 60_000, ANCHOR + 10 * MINUTE, 60_000);
    const last = Math.max(...result.result.flatMap((s) => s.values.map(([t]) => t)));
    // The lookback still answers a few minutes past the last scrape, as in Prometheus.
    expect(last).toBeLessThanOrEqual(ANCHOR + 5 * MINUTE);
    const raw = instantQuery(store, 'up[1m]', ANCHOR + 10 * MINUTE);
    expect(raw.resultType === 'matrix' && raw.result).toEqual([]);
  });
});
