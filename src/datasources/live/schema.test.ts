// @vitest-environment node
import {
  executionSchema,
  metricsSnapshotMessageSchema,
  serverMessageSchema,
  stepSchema,
  timestampSchema,
} from './schema';
import { execution, metricsSnapshot, step } from '@/test/live/fixtures';

describe('live schemas', () => {
  it('accepts epoch ms and ISO 8601 timestamps and normalises to epoch ms', () => {
    expect(timestampSchema.parse(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(timestampSchema.parse('2026-01-01T00:00:00+02:00')).toBe(
      Date.parse('2025-12-31T22:00:00Z'),
    );
    expect(timestampSchema.safeParse('yesterday').success).toBe(false);
    expect(timestampSchema.safeParse(-1).success).toBe(false);
  });

  it('discriminates server messages by type and strips unknown fields', () => {
    const parsed = serverMessageSchema.parse({
      type: 'execution.step',
      seq: 3,
      ts: 5,
      data: { ...step('s1'), futureField: true },
    });
    expect(parsed.type).toBe('execution.step');
    expect(parsed.data).not.toHaveProperty('futureField');
  });

  it('rejects impossible metric values', () => {
    const base = { type: 'metrics.snapshot', seq: 1, ts: 1 };
    const bad = (data: object) => metricsSnapshotMessageSchema.safeParse({ ...base, data }).success;
    expect(bad(metricsSnapshot())).toBe(true);
    expect(bad(metricsSnapshot({ successRate: 1.2 }))).toBe(false);
    expect(bad({ ...metricsSnapshot(), resources: { cpuPercent: 140 } })).toBe(false);
    expect(bad(metricsSnapshot({ failures1h: 1.5 }))).toBe(false);
  });

  it('requires every step field and allows a pending step without a start', () => {
    expect(stepSchema.safeParse(step('s1', { status: 'pending', startedAt: null })).success).toBe(
      true,
    );
    expect(stepSchema.safeParse({ ...step('s1'), status: 'done' }).success).toBe(false);
    const { error: _error, ...withoutError } = step('s1');
    expect(stepSchema.safeParse(withoutError).success).toBe(false);
    expect(executionSchema.safeParse(execution('e', { status: 'paused' as never })).success).toBe(
      false,
    );
  });
});
