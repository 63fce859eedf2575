import { PromQLExecutionError } from './errors';
import { instantQuery } from './evaluator';
import { scalarAt, series, store, vectorAt } from './test-fixtures';

const data = store(
  series({ __name__: 'errors', job: 'api', instance: 'h1' }, [2]),
  series({ __name__: 'errors', job: 'api', instance: 'h2' }, [6]),
  series({ __name__: 'requests', job: 'api', instance: 'h1' }, [100]),
  series({ __name__: 'requests', job: 'api', instance: 'h2' }, [200]),
  series({ __name__: 'requests', job: 'db', instance: 'h3' }, [50]),
  series({ __name__: 'build_info', job: 'api', version: '1.2.3' }, [1]),
  series({ __name__: 'limit', job: 'api' }, [150]),
);
const at = (query: string) => vectorAt(data, query, 0);

describe('arithmetic', () => {
  it('evaluates scalar expressions', () => {
    expect(scalarAt(data, '1 + 2 * 3 ^ 2', 0)).toBe(19);
    expect(scalarAt(data, '2 ^ 3 ^ 2', 0)).toBe(512);
    expect(scalarAt(data, '-2 ^ 2', 0)).toBe(-4);
    expect(scalarAt(data, '7 % 4', 0)).toBe(3);
    expect(scalarAt(data, '1 / 0', 0)).toBe(Infinity);
    expect(scalarAt(data, '0 / 0', 0)).toBeNaN();
  });

  it('matches series on all labels but the name and drops the name', () => {
    expect(at('errors / requests')).toEqual({
      '{instance="h1", job="api"}': 0.02,
      '{instance="h2", job="api"}': 0.03,
    });
  });

  it('applies a scalar to every series, on either side', () => {
    expect(at('requests * 2')).toEqual({
      '{instance="h1", job="api"}': 200,
      '{instance="h2", job="api"}': 400,
      '{instance="h3", job="db"}': 100,
    });
    expect(at('1 - errors / 10')).toEqual({
      '{instance="h1", job="api"}': 0.8,
      '{instance="h2", job="api"}': 0.4,
    });
    expect(at('-errors')).toEqual({
      '{instance="h1", job="api"}': -2,
      '{instance="h2", job="api"}': -6,
    });
  });

  it('restricts matching with on() and keeps only those labels', () => {
    expect(at('sum by (job) (errors) / on(job) sum by (job) (requests)')).toEqual({
      '{job="api"}': 8 / 300,
    });
    expect(at('errors / on(instance) requests')).toEqual({
      '{instance="h1"}': 0.02,
      '{instance="h2"}': 0.03,
    });
  });

  it('joins a one-side label into many series with group_left', () => {
    expect(at('requests * on(job) group_left(version) build_info')).toEqual({
      '{instance="h1", job="api", version="1.2.3"}': 100,
      '{instance="h2", job="api", version="1.2.3"}': 200,
    });
    expect(at('limit - on(job) group_right requests')).toEqual({
      '{instance="h1", job="api"}': 50,
      '{instance="h2", job="api"}': -50,
    });
  });

  it('refuses ambiguous one-to-one matches', () => {
    expect(() => instantQuery(data, 'requests + on(job) requests', 0)).toThrow(
      PromQLExecutionError,
    );
    expect(() => instantQuery(data, 'requests + on(job) requests', 0)).toThrow(
      /found duplicate series for the match group \{job="api"\} on the right hand-side of the operation/,
    );
    expect(() => instantQuery(data, 'requests / on(job) limit', 0)).toThrow(
      'multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)',
    );
  });
});

describe('comparisons', () => {
  it('filter and keep the left-hand value and the metric name', () => {
    expect(at('requests > 80')).toEqual({
      '{__name__="requests", instance="h1", job="api"}': 100,
      '{__name__="requests", instance="h2", job="api"}': 200,
    });
    expect(at('80 < requests')).toEqual(at('requests > 80'));
    expect(at('requests > on(job) group_left limit')).toEqual({
      '{__name__="requests", instance="h2", job="api"}': 200,
    });
  });

  it('return 0 or 1 and drop the name with bool', () => {
    expect(at('requests > bool 80')).toEqual({
      '{instance="h1", job="api"}': 1,
      '{instance="h2", job="api"}': 1,
      '{instance="h3", job="db"}': 0,
    });
    expect(scalarAt(data, '2 >= bool 2', 0)).toBe(1);
  });
});

describe('set operators', () => {
  it('and keeps left series that have a match on the right', () => {
    expect(Object.keys(at('requests and errors'))).toEqual([
      '{__name__="requests", instance="h1", job="api"}',
      '{__name__="requests", instance="h2", job="api"}',
    ]);
  });

  it('unless keeps left series without a match', () => {
    expect(Object.keys(at('requests unless errors'))).toEqual([
      '{__name__="requests", instance="h3", job="db"}',
    ]);
  });

  it('or adds right series whose labels are not on the left', () => {
    expect(Object.keys(at('errors or on(instance) requests'))).toEqual([
      '{__name__="errors", instance="h1", job="api"}',
      '{__name__="errors", instance="h2", job="api"}',
      '{__name__="requests", instance="h3", job="db"}',
    ]);
  });
});
