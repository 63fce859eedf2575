import { PromQLExecutionError } from './errors';
import { instantQuery } from './evaluator';
import { series, store, vectorAt } from './test-fixtures';

const T = 60_000;
const memory = store(
  series({ __name__: 'mem', host: 'a', env: 'prod' }, [10, 10, 10, 10, 10]),
  series({ __name__: 'mem', host: 'b', env: 'prod' }, [20, 20, 20, 20, 20]),
  series({ __name__: 'mem', host: 'c', env: 'dev' }, [30, 30, 30, 30, 30]),
  series({ __name__: 'mem', host: 'd', env: 'dev' }, [40, 40, 40, 40, 40]),
);
const at = (query: string) => vectorAt(memory, query, T);

describe('aggregation operators', () => {
  it('sum, avg, min, max, count and group by the listed labels', () => {
    expect(at('sum by (env) (mem)')).toEqual({ '{env="dev"}': 70, '{env="prod"}': 30 });
    expect(at('avg(mem) by (env)')).toEqual({ '{env="dev"}': 35, '{env="prod"}': 15 });
    expect(at('min by (env) (mem)')).toEqual({ '{env="dev"}': 30, '{env="prod"}': 10 });
    expect(at('max(mem)')).toEqual({ '{}': 40 });
    expect(at('count(mem)')).toEqual({ '{}': 4 });
    expect(at('group by (env) (mem)')).toEqual({ '{env="dev"}': 1, '{env="prod"}': 1 });
  });

  it('drop the listed labels and the metric name with without', () => {
    expect(at('sum without (host) (mem)')).toEqual({ '{env="dev"}': 70, '{env="prod"}': 30 });
  });

  it('compute spread and quantiles across series', () => {
    expect(at('stdvar(mem)')).toEqual({ '{}': 125 });
    expect(at('stddev(mem)')['{}']).toBeCloseTo(Math.sqrt(125), 12);
    expect(at('quantile(0.5, mem)')).toEqual({ '{}': 25 });
    expect(at('quantile(0.9, mem) by (env)')).toEqual({ '{env="dev"}': 39, '{env="prod"}': 19 });
  });

  it('count series per distinct value with count_values', () => {
    expect(at('count_values("value", mem)')).toEqual({
      '{value="10"}': 1,
      '{value="20"}': 1,
      '{value="30"}': 1,
      '{value="40"}': 1,
    });
  });

  it('keep whole input series in topk and bottomk, per group', () => {
    expect(at('topk(2, mem)')).toEqual({
      '{__name__="mem", env="dev", host="c"}': 30,
      '{__name__="mem", env="dev", host="d"}': 40,
    });
    expect(at('bottomk(1, mem) by (env)')).toEqual({
      '{__name__="mem", env="dev", host="c"}': 30,
      '{__name__="mem", env="prod", host="a"}': 10,
    });
    expect(at('topk(0, mem)')).toEqual({});
  });

  it('orders an instant topk result by value, largest first', () => {
    const result = instantQuery(memory, 'topk(3, mem)', T);
    expect(result.resultType === 'vector' && result.result.map((r) => r.value[1])).toEqual([
      40, 30, 20,
    ]);
  });

  it('breaks ties the way Prometheus does', () => {
    // Values from a case checked against Prometheus 2.42: it keeps s4 and s6.
    const tied = store(
      ...[85, 89, 86, 85, 89, 80].map((v, i) => series({ __name__: 'g', s: `s${i + 1}` }, [v])),
    );
    expect(Object.keys(vectorAt(tied, 'bottomk(2, g)', 0)).sort()).toEqual([
      '{__name__="g", s="s4"}',
      '{__name__="g", s="s6"}',
    ]);
    expect(Object.keys(vectorAt(tied, 'topk(1, g)', 0))).toEqual(['{__name__="g", s="s2"}']);
  });

  it('aggregates per step and skips series without a sample at that step', () => {
    const gappy = store(
      series({ __name__: 'x', i: '1' }, [1, 1, 1]),
      series({ __name__: 'x', i: '2' }, [2, null, null]),
    );
    // With a 5 m lookback the lone sample of i=2 still counts 30 s later…
    expect(vectorAt(gappy, 'sum(x)', 30_000)).toEqual({ '{}': 3 });
    // …but not after the lookback has passed.
    expect(vectorAt(gappy, 'count(x)', 301_000)).toEqual({ '{}': 1 });
  });
});

describe('aggregation errors', () => {
  it('rejects a label set produced twice', () => {
    const clash = store(
      series({ __name__: 'a', job: 'x' }, [1]),
      series({ __name__: 'b', job: 'x' }, [2]),
    );
    expect(() => instantQuery(clash, 'rate({job="x"}[1m]) or abs({job="x"})', 0)).toThrow(
      PromQLExecutionError,
    );
    expect(() => instantQuery(clash, 'abs({job="x"})', 0)).toThrow(
      'vector cannot contain metrics with the same labelset',
    );
  });
});
