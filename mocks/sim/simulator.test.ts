// @vitest-environment node
import { decodeTraceId } from '@mocks/traces/trace-ids';
import { AGENTS, HOSTS } from './catalog';
import { createSimulator } from './simulator';
import { NOISE_RATE_BOUND, SHIFT_RATE_BOUND, MIN_DAILY_SHAPE } from './rhythm';

const ANCHOR = Date.UTC(2026, 10, 21, 12, 0);
const MINUTE = 60_000;
const sim = createSimulator({ seed: 42, anchorMs: ANCHOR });
const ids = (name: string) =>
  sim
    .series()
    .filter((s) => s.labels.__name__ === name)
    .map((s) => s.id);
const isCounter = (name: string) => /(_total|_bucket|_sum|_count)$/.test(name);
const counters = sim.series().filter((s) => isCounter(s.labels.__name__ ?? ''));

describe('simulated platform', () => {
  it('has six agents on three hosts and every metric family the presets need', () => {
    expect(AGENTS).toHaveLength(6);
    expect(HOSTS).toHaveLength(3);
    const names = new Set(sim.series().map((s) => s.labels.__name__));
    for (const name of [
      'aet_tasks_total',
      'aet_task_duration_seconds_bucket',
      'aet_active_tasks',
      'aet_agent_requests_total',
      'aet_agent_response_seconds_count',
      'aet_cpu_usage_percent',
      'aet_memory_usage_bytes',
      'aet_events_total',
      'aet_file_operations_total',
      'aet_errors_total',
      'aet_tool_calls_total',
      'gen_ai_client_operation_duration_seconds_bucket',
      'gen_ai_client_token_usage_sum',
      'node_cpu_seconds_total',
      'node_memory_MemAvailable_bytes',
      'node_filesystem_avail_bytes',
      'node_network_receive_bytes_total',
      'node_load1',
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'up',
    ]) {
      expect(names, name).toContain(name);
    }
    expect(sim.series().every((s) => s.labels.job && s.labels.instance)).toBe(true);
  });

  it('puts error_type only on failed GenAI operations', () => {
    const durations = sim
      .series()
      .filter((s) => s.labels.__name__ === 'gen_ai_client_operation_duration_seconds_count');
    expect(durations.some((s) => s.labels.error_type === undefined)).toBe(true);
    expect(new Set(durations.map((s) => s.labels.error_type).filter(Boolean))).toEqual(
      new Set(['RateLimitError', 'ProviderError', 'TimeoutError']),
    );
  });

  it('is a pure function of seed, anchor and time', () => {
    const twin = createSimulator({ seed: 42, anchorMs: ANCHOR });
    const other = createSimulator({ seed: 43, anchorMs: ANCHOR });
    const sample = counters.filter((_, i) => i % 50 === 0).map((s) => s.id);
    const t = ANCHOR - 17 * MINUTE;
    // Evaluation order must not matter.
    const forward = sample.map((id) => sim.valueAt(id, t));
    const backward = [...sample]
      .reverse()
      .map((id) => twin.valueAt(id, t))
      .reverse();
    expect(backward).toEqual(forward);
    expect(sample.map((id) => other.valueAt(id, t))).not.toEqual(forward);
    expect(sim.valueAt('no_such_series{}', t)).toBeNaN();
  });

  it('keeps noise below what would let a counter decrease', () => {
    expect(NOISE_RATE_BOUND + SHIFT_RATE_BOUND).toBeLessThan(MIN_DAILY_SHAPE);
  });

  it('never decreases a counter, through incidents and across a week', () => {
    const check = (from: number, to: number, step: number, series: typeof counters) => {
      for (const { id } of series) {
        const at = sim.sampler(id)!;
        let previous = at(from);
        for (let t = from + step; t <= to; t += step) {
          const value = at(t);
          if (value < previous) throw new Error(`${id} decreased at ${new Date(t).toISOString()}`);
          previous = value;
        }
      }
    };
    expect(() => check(ANCHOR - 70 * MINUTE, ANCHOR + 20 * MINUTE, 15_000, counters)).not.toThrow();
    const someCounters = counters.filter((_, i) => i % 9 === 0);
    expect(() => check(ANCHOR - 7 * 86_400_000, ANCHOR, 10 * MINUTE, someCounters)).not.toThrow();
  });

  it('keeps histogram buckets cumulative and consistent with _count', () => {
    const t = ANCHOR - 40 * MINUTE;
    const buckets = sim
      .series()
      .filter((s) => s.labels.__name__ === 'aet_agent_response_seconds_bucket');
    const byGroup = new Map<string, { le: number; value: number }[]>();
    for (const s of buckets) {
      const key = `${s.labels.agent}/${s.labels.operation}`;
      const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
      byGroup.set(key, [...(byGroup.get(key) ?? []), { le, value: sim.valueAt(s.id, t) }]);
    }
    for (const [key, group] of byGroup) {
      group.sort((a, b) => a.le - b.le);
      group.forEach((b, i) => i > 0 && expect(b.value).toBeGreaterThanOrEqual(group[i - 1]!.value));
      const [agent, operation] = key.split('/');
      const count = ids('aet_agent_response_seconds_count').find(
        (id) => id.includes(`agent="${agent}"`) && id.includes(`operation="${operation}"`),
      )!;
      expect(group[group.length - 1]!.value).toBe(sim.valueAt(count, t));
    }
  });

  it('counts tasks at the catalog rates', () => {
    // Over a whole day the daily shape averages to 1.
    const day = 86_400_000;
    const from = ANCHOR - 3 * day;
    const total = ids('aet_tasks_total').reduce(
      (sum, id) => sum + sim.valueAt(id, from + day) - sim.valueAt(id, from),
      0,
    );
    const expected = AGENTS.reduce((sum, a) => sum + a.tasksPerSecond, 0) * 86_400;
    // Incidents add failures on top of the normal rate.
    expect(total / expected).toBeGreaterThan(0.99);
    expect(total / expected).toBeLessThan(1.1);
  });

  it('keeps gauges in their physical ranges', () => {
    for (let t = ANCHOR - 6 * 3_600_000; t <= ANCHOR; t += 7 * MINUTE) {
      for (const id of ids('aet_cpu_usage_percent')) {
        expect(sim.valueAt(id, t)).toBeGreaterThan(0);
        expect(sim.valueAt(id, t)).toBeLessThanOrEqual(100);
      }
      for (const id of ids('aet_active_tasks'))
        expect(Number.isInteger(sim.valueAt(id, t))).toBe(true);
      ids('node_memory_MemAvailable_bytes').forEach((id, i) => {
        expect(sim.valueAt(id, t)).toBeLessThan(
          sim.valueAt(ids('node_memory_MemTotal_bytes')[i]!, t),
        );
      });
    }
  });

  it('fills one data disk until a cleanup every 48 hours', () => {
    const filling = ids('node_filesystem_avail_bytes').find(
      (id) => id.includes('aet-worker-3') && id.includes('/data'),
    )!;
    const free = (t: number) => sim.valueAt(filling, t);
    expect(free(ANCHOR)).toBeLessThan(free(ANCHOR - 6 * 3_600_000));
    const size = sim.valueAt(filling.replace('avail', 'size'), ANCHOR);
    expect(free(ANCHOR) / size).toBeCloseTo(0.14, 2);
    // Roughly 17 hours to full at the current slope.
    const slopePerHour = free(ANCHOR - 3_600_000) - free(ANCHOR);
    expect(free(ANCHOR) / slopePerHour).toBeGreaterThan(15);
    expect(free(ANCHOR) / slopePerHour).toBeLessThan(19);
  });

  it('gives bucket series exemplars that fall inside their bucket', () => {
    const bucket = sim
      .series()
      .find(
        (s) =>
          s.labels.__name__ === 'aet_task_duration_seconds_bucket' &&
          s.labels.agent === 'coder' &&
          s.labels.le === '60',
      )!;
    const exemplars = sim.exemplars(bucket.id, ANCHOR - 3_600_000, ANCHOR);
    expect(exemplars.length).toBeGreaterThan(0);
    for (const e of exemplars) {
      expect(e.value).toBeGreaterThan(30);
      expect(e.value).toBeLessThanOrEqual(60);
      expect(e.labels.trace_id).toMatch(/^[0-9a-f]{32}$/);
      // The demo's Jaeger serves that trace, starting when the observed request started.
      expect(decodeTraceId(e.labels.trace_id!)?.startMs).toBe(
        e.timestampMs - Math.round(e.value * 1000),
      );
      expect(e.timestampMs).toBeGreaterThanOrEqual(ANCHOR - 3_600_000);
    }
    expect(sim.exemplars(bucket.id, ANCHOR - 3_600_000, ANCHOR)).toEqual(exemplars);
    expect(sim.exemplars(ids('up')[0]!, ANCHOR - 3_600_000, ANCHOR)).toEqual([]);
  });
});
