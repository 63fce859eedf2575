import { PromQLBadQueryError } from './errors';
import { instantQuery, rangeQuery } from './evaluator';
import { matrix, series, store, vectorAt } from './test-fixtures';

const data = store(
  series({ __name__: 'up', job: 'node', instance: 'b' }, [1, 1, 1, 1, 0, 0, 1, 1]),
  series({ __name__: 'up', job: 'node', instance: 'a' }, [1, 1, 1, 1, 1, 1, 1, 1]),
  series({ __name__: 'short_lived', job: 'batch' }, [5, null, null, null, null, null, null, null]),
  series({ __name__: 'requests_total', code: '200' }, [0, 15, 30, 45, 60, 75, 90, 105]),
);

describe('instant vector selectors', () => {
  it('select by label with anchored regex matchers', () => {
    expect(vectorAt(data, 'up{instance=~"a|b"}', 0)).toEqual({
      '{__name__="up", instance="a", job="node"}': 1,
      '{__name__="up", instance="b", job="node"}': 1,
    });
    expect(vectorAt(data, 'up{instance=~"."}', 0)).not.toEqual({});
    expect(vectorAt(data, 'up{instance!~"a"}', 0)).toEqual({
      '{__name__="up", instance="b", job="node"}': 1,
    });
    expect(vectorAt(data, '{job="batch"}', 0)).toEqual({
      '{__name__="short_lived", job="batch"}': 5,
    });
  });

  it('return the latest sample within five minutes of the evaluation time', () => {
    expect(vectorAt(data, 'short_lived', 300_000)).toEqual({
      '{__name__="short_lived", job="batch"}': 5,
    });
    expect(vectorAt(data, 'short_lived', 300_001)).toEqual({});
    expect(vectorAt(data, 'up{instance="b"}', 64_000)).toEqual({
      '{__name__="up", instance="b", job="node"}': 0,
    });
  });

  it('honour offset and @', () => {
    expect(vectorAt(data, 'requests_total offset 1m', 105_000)).toEqual({
      '{__name__="requests_total", code="200"}': 45,
    });
    expect(vectorAt(data, 'requests_total @ 30', 105_000)).toEqual({
      '{__name__="requests_total", code="200"}': 30,
    });
  });
});

describe('instantQuery', () => {
  it('returns raw samples for a range selector', () => {
    const result = instantQuery(data, 'requests_total[30s]', 105_000);
    expect(result).toEqual({
      resultType: 'matrix',
      result: [
        {
          metric: { __name__: 'requests_total', code: '200' },
          values: [
            [75_000, 75],
            [90_000, 90],
            [105_000, 105],
          ],
        },
      ],
    });
  });

  it('returns scalars and strings with the evaluation time', () => {
    expect(instantQuery(data, '1 + 1', 5_000)).toEqual({
      resultType: 'scalar',
      result: [5_000, 2],
    });
    expect(instantQuery(data, '"hello"', 5_000)).toEqual({
      resultType: 'string',
      result: [5_000, 'hello'],
    });
  });

  it('orders a plain vector by labels', () => {
    const result = instantQuery(data, 'up', 0);
    expect(result.resultType === 'vector' && result.result.map((r) => r.metric.instance)).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('rangeQuery', () => {
  it('evaluates every step and leaves out steps without a sample', () => {
    expect(matrix(data, 'up == 0', 0, 105_000, 15_000)).toEqual({
      '{__name__="up", instance="b", job="node"}': [
        [60_000, 0],
        [75_000, 0],
      ],
    });
  });

  it('turns a scalar into a series without labels', () => {
    expect(matrix(data, 'time() * 2', 0, 30_000, 15_000)).toEqual({
      '{}': [
        [0, 0],
        [15_000, 30],
        [30_000, 60],
      ],
    });
  });

  it('sorts series by labels', () => {
    const result = rangeQuery(data, 'up', 0, 30_000, 15_000);
    expect(result.result.map((s) => s.metric.instance)).toEqual(['a', 'b']);
  });

  it('computes rates at every step', () => {
    expect(matrix(data, 'rate(requests_total[30s])', 60_000, 105_000, 45_000)).toEqual({
      '{code="200"}': [
        [60_000, 1],
        [105_000, 1],
      ],
    });
  });

  it('rejects range vectors and strings like Prometheus', () => {
    expect(() => rangeQuery(data, 'up[5m]', 0, 60_000, 15_000)).toThrow(PromQLBadQueryError);
    expect(() => rangeQuery(data, 'up[5m]', 0, 60_000, 15_000)).toThrow(
      'invalid expression type "range vector" for range query, must be Scalar or instant Vector',
    );
    expect(() => rangeQuery(data, '"x"', 0, 60_000, 15_000)).toThrow(
      'invalid expression type "string"',
    );
  });
});
