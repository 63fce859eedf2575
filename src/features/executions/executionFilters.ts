import {
  executionStatusSchema,
  type ExecutionStatus,
  type ExecutionSummary,
} from '@/datasources/live';

export type StatusFilter = 'all' | ExecutionStatus;

export const STATUS_FILTERS: readonly StatusFilter[] = ['all', ...executionStatusSchema.options];

/** The `status` URL parameter as a filter; anything unknown shows every run. */
export function parseStatusFilter(param: string | null): StatusFilter {
  return STATUS_FILTERS.find((filter) => filter === param) ?? 'all';
}

export function filterExecutions(
  rows: readonly ExecutionSummary[],
  filter: StatusFilter,
): ExecutionSummary[] {
  return filter === 'all' ? [...rows] : rows.filter((row) => row.status === filter);
}

/** A finished run's recorded duration, or how long it has been running so far. */
export function summaryDurationMs(row: ExecutionSummary, now: number): number {
  return row.durationMs ?? Math.max(0, now - row.startedAt);
}
