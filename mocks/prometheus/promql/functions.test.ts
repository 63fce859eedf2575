import { PromQLExecutionError } from './errors';
import { instantQuery } from './evaluator';
import { bucketQuantile } from './histogram-quantile';
import { expandTemplate } from './label-replace';
import { FUNCTIONS } from './signatures';
import { scalarAt, series, store, vectorAt } from './test-fixtures';

const bucket = (le: string, count: number, svc = 'api') =>
  series({ __name__: 'lat_bucket', svc, le }, [count]);

describe('histogram_quantile', () => {
  // 100 observations: 10 ≤ 0.1 s, 40 ≤ 0.5 s, 70 ≤ 1 s.
  const histogram = store(
    bucket('0.1', 10),
    bucket('0.5', 40),
    bucket('1', 70),
    bucket('+Inf', 100),
  );

  it('interpolates linearly inside the bucket holding the rank', () => {
    const q = (phi: number) =>
      vectorAt(histogram, `histogram_quantile(${phi}, lat_bucket)`, 0)['{svc="api"}'];
    expect(q(0.5)).toBeCloseTo(0.5 + 0.5 * (10 / 30), 12);
    expect(q(0.05)).toBeCloseTo(0.05, 12);
    // A rank in the +Inf bucket reports the highest finite bound.
    expect(q(0.95)).toBe(1);
  });

  it('answers ±Inf outside [0, 1] and NaN without a +Inf bucket', () => {
    expect(vectorAt(histogram, 'histogram_quantile(2, lat_bucket)', 0)).toEqual({
      '{svc="api"}': Infinity,
    });
    expect(vectorAt(histogram, 'histogram_quantile(-1, lat_bucket)', 0)).toEqual({
      '{svc="api"}': -Infinity,
    });
    const noInf = vectorAt(histogram, 'histogram_quantile(0.5, lat_bucket{le!="+Inf"})', 0);
    expect(noInf['{svc="api"}']).toBeNaN();
  });

  it('repairs non-monotonic buckets and merges equal bounds like Prometheus', () => {
    expect(
      bucketQuantile(0.5, [
        { upperBound: 1, count: 50 },
        { upperBound: 2, count: 40 },
        { upperBound: Infinity, count: 100 },
      ]),
    ).toBe(1);
    expect(
      bucketQuantile(0.5, [
        { upperBound: 1, count: 20 },
        { upperBound: 1, count: 20 },
        { upperBound: Infinity, count: 80 },
      ]),
    ).toBe(1);
  });
});

describe('label functions', () => {
  const data = store(series({ __name__: 'up', instance: 'host-1:9100', job: 'node' }, [1]));

  it('label_replace copies a capture into a new label and keeps the name', () => {
    expect(vectorAt(data, 'label_replace(up, "host", "$1", "instance", "(.*):\\\\d+")', 0)).toEqual(
      {
        '{__name__="up", host="host-1", instance="host-1:9100", job="node"}': 1,
      },
    );
  });

  it('label_replace leaves series alone when the regex does not match the whole value', () => {
    expect(vectorAt(data, 'label_replace(up, "host", "$1", "instance", "host")', 0)).toEqual({
      '{__name__="up", instance="host-1:9100", job="node"}': 1,
    });
  });

  it('label_replace with an empty result removes the label', () => {
    expect(vectorAt(data, 'label_replace(up, "job", "", "job", ".*")', 0)).toEqual({
      '{__name__="up", instance="host-1:9100"}': 1,
    });
  });

  it('label_replace rejects a bad regex as an execution error', () => {
    expect(() => instantQuery(data, 'label_replace(up, "a", "b", "c", "(")', 0)).toThrow(
      PromQLExecutionError,
    );
  });

  it('expands templates the way Go does', () => {
    const match = /^(?<name>h)(\d)$/.exec('h1')!;
    expect(expandTemplate('$1-$2', match)).toBe('h-1');
    expect(expandTemplate('${1}x', match)).toBe('hx');
    // `$1x` names a group called "1x", which does not exist.
    expect(expandTemplate('$1x', match)).toBe('');
    expect(expandTemplate('$name/$$', match)).toBe('h/$');
  });

  it('label_join concatenates source labels', () => {
    expect(vectorAt(data, 'label_join(up, "id", "/", "job", "instance")', 0)).toEqual({
      '{__name__="up", id="node/host-1:9100", instance="host-1:9100", job="node"}': 1,
    });
  });
});

describe('other functions', () => {
  const data = store(
    series({ __name__: 'v', k: 'a' }, [-1.5]),
    series({ __name__: 'v', k: 'b' }, [2.26]),
    series({ __name__: 'v', k: 'c' }, [7]),
  );
  const at = (query: string) => vectorAt(data, query, 0);

  it('apply math element-wise and drop the metric name', () => {
    expect(at('abs(v)')).toEqual({ '{k="a"}': 1.5, '{k="b"}': 2.26, '{k="c"}': 7 });
    expect(at('ceil(v)')).toEqual({ '{k="a"}': -1, '{k="b"}': 3, '{k="c"}': 7 });
    expect(at('floor(v)')).toEqual({ '{k="a"}': -2, '{k="b"}': 2, '{k="c"}': 7 });
    expect(at('round(v)')).toEqual({ '{k="a"}': -1, '{k="b"}': 2, '{k="c"}': 7 });
    expect(at('round(v, 0.5)')).toEqual({ '{k="a"}': -1.5, '{k="b"}': 2.5, '{k="c"}': 7 });
    expect(at('sgn(v)')).toEqual({ '{k="a"}': -1, '{k="b"}': 1, '{k="c"}': 1 });
  });

  it('clamp to bounds, and to nothing when min > max', () => {
    expect(at('clamp(v, 0, 5)')).toEqual({ '{k="a"}': 0, '{k="b"}': 2.26, '{k="c"}': 5 });
    expect(at('clamp_min(v, 0)')).toEqual({ '{k="a"}': 0, '{k="b"}': 2.26, '{k="c"}': 7 });
    expect(at('clamp_max(v, 0)')).toEqual({ '{k="a"}': -1.5, '{k="b"}': 0, '{k="c"}': 0 });
    expect(at('clamp(v, 5, 0)')).toEqual({});
  });

  it('convert between scalars and vectors', () => {
    expect(scalarAt(data, 'time()', 42_000)).toBe(42);
    expect(vectorAt(data, 'vector(time())', 42_000)).toEqual({ '{}': 42 });
    expect(scalarAt(data, 'scalar(v{k="c"})', 0)).toBe(7);
    expect(scalarAt(data, 'scalar(v)', 0)).toBeNaN();
  });

  it('absent reports the equality matchers of a selector that finds nothing', () => {
    expect(at('absent(v)')).toEqual({});
    expect(at('absent(nope{job="x", env=~"p.*"})')).toEqual({ '{job="x"}': 1 });
    expect(at('absent(sum(nope))')).toEqual({ '{}': 1 });
  });

  it('sort and sort_desc order an instant result by value', () => {
    const order = (query: string) => {
      const result = instantQuery(data, query, 0);
      return result.resultType === 'vector' ? result.result.map((r) => r.metric.k) : [];
    };
    expect(order('sort_desc(v)')).toEqual(['c', 'b', 'a']);
    expect(order('sort(v)')).toEqual(['a', 'b', 'c']);
  });

  it('timestamp returns when the sample was taken, not the evaluation time', () => {
    expect(at('timestamp(v)')).toEqual({ '{k="a"}': 0, '{k="b"}': 0, '{k="c"}': 0 });
    expect(vectorAt(data, 'timestamp(v{k="a"})', 90_000)).toEqual({ '{k="a"}': 0 });
  });

  it('reads calendar fields in UTC', () => {
    const t = Date.UTC(2026, 10, 21, 13, 45);
    expect(vectorAt(data, 'hour()', t)).toEqual({ '{}': 13 });
    expect(vectorAt(data, 'minute()', t)).toEqual({ '{}': 45 });
    expect(vectorAt(data, 'day_of_week()', t)).toEqual({ '{}': 6 });
    expect(vectorAt(data, 'days_in_month()', t)).toEqual({ '{}': 30 });
  });
});

describe('function table', () => {
  const data = store(series({ __name__: 'v', k: 'a' }, [1, 2, 3, 4]));
  const argument = { vector: 'v', matrix: 'v[1m]', scalar: '0.5', string: '"dst"' } as const;

  it.each(Object.entries(FUNCTIONS))(
    'implements %s with its declared result type',
    (name, signature) => {
      const args = signature.args.map((type) => argument[type]).join(', ');
      const result = instantQuery(data, `${name}(${args})`, 45_000);
      expect(result.resultType).toBe(signature.returns);
    },
  );
});
