import { executionSummarySchema, type ExecutionSummary } from '@/datasources/live';
import { filterExecutions, parseStatusFilter, summaryDurationMs } from './executionFilters';

const summary = (id: string, status: ExecutionSummary['status'], durationMs: number | null) =>
  executionSummarySchema.parse({
    id,
    workflow: 'code-change',
    status,
    startedAt: 1_000,
    endedAt: durationMs === null ? null : 1_000 + durationMs,
    durationMs,
    stepCount: 3,
    tokens: { input: 10, output: 2 },
    costUsd: 0.01,
  });

describe('executions list filters', () => {
  const rows = [
    summary('a', 'running', null),
    summary('b', 'failed', 500),
    summary('c', 'succeeded', 900),
  ];

  it('reads the status parameter, showing everything for unknown values', () => {
    expect(parseStatusFilter('failed')).toBe('failed');
    expect(parseStatusFilter('exploded')).toBe('all');
    expect(parseStatusFilter(null)).toBe('all');
  });

  it('keeps the runs with the chosen status', () => {
    expect(filterExecutions(rows, 'failed').map((row) => row.id)).toEqual(['b']);
    expect(filterExecutions(rows, 'all').map((row) => row.id)).toEqual(['a', 'b', 'c']);
  });

  it('counts a running run up to now', () => {
    expect(summaryDurationMs(rows[0]!, 4_000)).toBe(3_000);
    expect(summaryDurationMs(rows[1]!, 4_000)).toBe(500);
  });
});
