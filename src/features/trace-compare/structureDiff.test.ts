import { changedRows, nextSort, sortDiffRows, TREE_ORDER } from './diffSort';
import {
  averageDeltaUs,
  countDelta,
  diffStatus,
  formatPath,
  structureDiff,
  totalDeltaUs,
  type DiffRow,
} from './structureDiff';
import { buildTraceOverview } from '@/test/traces/compareTraces';

const A = buildTraceOverview('aaaa', [
  { id: 'a1', service: 'api', operation: 'GET /tasks', start: 0, duration: 1_000 },
  { id: 'a2', parent: 'a1', service: 'auth', operation: 'validate', start: 10, duration: 100 },
  { id: 'a3', parent: 'a1', service: 'db', operation: 'SELECT', start: 20, duration: 200 },
  { id: 'a4', parent: 'a1', service: 'db', operation: 'SELECT', start: 30, duration: 300 },
  { id: 'a5', parent: 'a1', service: 'llm', operation: 'chat', start: 40, duration: 500 },
  { id: 'a6', parent: 'a5', service: 'queue', operation: 'publish', start: 50, duration: 5 },
]);

const B = buildTraceOverview('bbbb', [
  { id: 'b1', service: 'api', operation: 'GET /tasks', start: 0, duration: 1_200 },
  { id: 'b2', parent: 'b1', service: 'auth', operation: 'validate', start: 10, duration: 105 },
  { id: 'b3', parent: 'b1', service: 'db', operation: 'SELECT', start: 20, duration: 200 },
  {
    id: 'b4',
    parent: 'b1',
    service: 'llm',
    operation: 'chat',
    start: 40,
    duration: 800,
    error: true,
  },
  { id: 'b5', parent: 'b1', service: 'cache', operation: 'GET', start: 60, duration: 10 },
]);

const labels = (rows: readonly DiffRow[]) => rows.map((r) => formatPath(r.path));

describe('structureDiff', () => {
  const diff = structureDiff(A, B);

  it('lines up paths in tree order, with paths of B alone under their parent', () => {
    expect(labels(diff.rows)).toEqual([
      'api: GET /tasks',
      'api: GET /tasks › auth: validate',
      'api: GET /tasks › db: SELECT',
      'api: GET /tasks › llm: chat',
      'api: GET /tasks › llm: chat › queue: publish',
      'api: GET /tasks › cache: GET',
    ]);
    expect(diff.rows.map((r) => r.depth)).toEqual([0, 1, 1, 1, 2, 1]);
  });

  it('counts spans, sums durations and errors per path on each side', () => {
    const [root, auth, db, llm, queue, cache] = diff.rows;
    expect(db?.a).toEqual({ count: 2, totalUs: 500, errors: 0 });
    expect(db?.b).toEqual({ count: 1, totalUs: 200, errors: 0 });
    expect(llm?.b).toEqual({ count: 1, totalUs: 800, errors: 1 });
    expect(queue?.b).toBeNull();
    expect(cache?.a).toBeNull();
    expect([root, auth, db, llm, queue, cache].map((r) => r?.status)).toEqual([
      'changed',
      'same',
      'changed',
      'changed',
      'only-a',
      'only-b',
    ]);
    expect(diff.counts).toEqual({ 'only-a': 1, 'only-b': 1, changed: 3, same: 1 });
  });

  it('gives deltas as B minus A', () => {
    const db = diff.rows[2] as DiffRow;
    expect(countDelta(db)).toBe(-1);
    expect(totalDeltaUs(db)).toBe(-300);
    expect(averageDeltaUs(db)).toBe(-50);
    const cache = diff.rows[5] as DiffRow;
    expect(countDelta(cache)).toBe(1);
    expect(averageDeltaUs(cache)).toBeNull();
  });

  it('finds nothing changed between a trace and itself', () => {
    const self = structureDiff(A, A);
    expect(self.counts).toEqual({ 'only-a': 0, 'only-b': 0, changed: 0, same: 5 });
  });

  it('treats the same service and operation under different parents as different paths', () => {
    const x = buildTraceOverview('cccc', [
      { id: 'x1', service: 'api', operation: 'GET', duration: 10 },
      { id: 'x2', parent: 'x1', service: 'db', operation: 'q', duration: 1 },
    ]);
    const y = buildTraceOverview('dddd', [
      { id: 'y1', service: 'api', operation: 'POST', duration: 10 },
      { id: 'y2', parent: 'y1', service: 'db', operation: 'q', duration: 1 },
    ]);
    expect(structureDiff(x, y).rows.map((r) => r.status)).toEqual([
      'only-a',
      'only-a',
      'only-b',
      'only-b',
    ]);
  });
});

describe('diffStatus', () => {
  const stats = (count: number, totalUs: number, errors = 0) => ({ count, totalUs, errors });

  it('ignores duration jitter below 10 % or below 100 µs', () => {
    expect(diffStatus(stats(1, 1_000), stats(1, 1_090))).toBe('same');
    expect(diffStatus(stats(1, 500), stats(1, 590))).toBe('same');
    expect(diffStatus(stats(1, 1_000), stats(1, 1_150))).toBe('changed');
    expect(diffStatus(stats(2, 20), stats(2, 20))).toBe('same');
  });

  it('reports another count or another number of errors as changed', () => {
    expect(diffStatus(stats(2, 20), stats(3, 30))).toBe('changed');
    expect(diffStatus(stats(1, 20, 0), stats(1, 20, 1))).toBe('changed');
  });
});

describe('sorting and filtering the diff', () => {
  const { rows } = structureDiff(A, B);

  it('sorts by count change, biggest first, with ties in tree order', () => {
    expect(labels(sortDiffRows(rows, { key: 'countDelta', dir: 'desc' }))).toEqual([
      'api: GET /tasks › cache: GET',
      'api: GET /tasks',
      'api: GET /tasks › auth: validate',
      'api: GET /tasks › llm: chat',
      'api: GET /tasks › db: SELECT',
      'api: GET /tasks › llm: chat › queue: publish',
    ]);
  });

  it('puts paths missing on the sorted side last in both directions', () => {
    for (const dir of ['asc', 'desc'] as const) {
      const sorted = labels(sortDiffRows(rows, { key: 'avgB', dir }));
      expect(sorted.at(-1)).toBe('api: GET /tasks › llm: chat › queue: publish');
    }
    expect(labels(sortDiffRows(rows, { key: 'avgDelta', dir: 'desc' })).slice(0, 2)).toEqual([
      'api: GET /tasks › llm: chat',
      'api: GET /tasks',
    ]);
  });

  it('restores tree order and keeps only differing rows when asked', () => {
    const shuffled = sortDiffRows(rows, { key: 'totalA', dir: 'desc' });
    expect(sortDiffRows(shuffled, TREE_ORDER)).toEqual(rows);
    expect(labels(changedRows(rows))).not.toContain('api: GET /tasks › auth: validate');
    expect(changedRows(rows)).toHaveLength(5);
  });

  it('sorts a new column biggest first and flips on a second click', () => {
    expect(nextSort(TREE_ORDER, 'totalDelta')).toEqual({ key: 'totalDelta', dir: 'desc' });
    expect(nextSort({ key: 'totalDelta', dir: 'desc' }, 'totalDelta')).toEqual({
      key: 'totalDelta',
      dir: 'asc',
    });
    expect(nextSort({ key: 'countA', dir: 'desc' }, 'path')).toEqual(TREE_ORDER);
  });
});
