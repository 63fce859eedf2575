import type { TraceSummary } from '@/datasources/traces';
import { DEFAULT_RESULT_SORT, nextResultSort, sortResults } from './resultSort';

const row = (traceId: string, startUs: number, durationUs: number, spanCount: number | null) =>
  ({
    traceId,
    rootService: 'api',
    rootOperation: 'GET /',
    startUs,
    durationUs,
    spanCount,
    errorCount: spanCount === null ? null : 0,
    services: [],
  }) satisfies TraceSummary;

const rows = [row('a', 1, 300, 5), row('b', 3, 100, null), row('c', 2, 200, 50)];
const ids = (list: readonly TraceSummary[]) => list.map((r) => r.traceId);

describe('sortResults', () => {
  it('lists the most recent first by default', () => {
    expect(ids(sortResults(rows, DEFAULT_RESULT_SORT))).toEqual(['b', 'c', 'a']);
  });

  it('sorts by duration in both directions', () => {
    expect(ids(sortResults(rows, { key: 'duration', dir: 'desc' }))).toEqual(['a', 'c', 'b']);
    expect(ids(sortResults(rows, { key: 'duration', dir: 'asc' }))).toEqual(['b', 'c', 'a']);
  });

  it('puts traces with an unknown span count last either way', () => {
    expect(ids(sortResults(rows, { key: 'spans', dir: 'desc' }))).toEqual(['c', 'a', 'b']);
    expect(ids(sortResults(rows, { key: 'spans', dir: 'asc' }))).toEqual(['a', 'c', 'b']);
  });

  it('sorts a new column biggest first and flips on a second click', () => {
    expect(nextResultSort(DEFAULT_RESULT_SORT, 'spans')).toEqual({ key: 'spans', dir: 'desc' });
    expect(nextResultSort(DEFAULT_RESULT_SORT, 'start')).toEqual({ key: 'start', dir: 'asc' });
  });
});
