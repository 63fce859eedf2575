import { generated, series, store, vectorAt } from './test-fixtures';

// One sample every 15 s from t = 0, so t = 600 s is sample 40.
const T = 600_000;

describe('rate, increase and irate', () => {
  // A counter growing by exactly 1 per second.
  const linear = store(generated({ __name__: 'c_total', job: 'a' }, 60, (i) => 15 * i));

  it('give the per-second rate and the increase over the window', () => {
    expect(vectorAt(linear, 'rate(c_total[5m])', T)).toEqual({ '{job="a"}': 1 });
    expect(vectorAt(linear, 'increase(c_total[5m])', T)).toEqual({ '{job="a"}': 300 });
    expect(vectorAt(linear, 'irate(c_total[5m])', T)).toEqual({ '{job="a"}': 1 });
  });

  it('extrapolate to the window edges when samples do not line up with them', () => {
    // Window [310 s, 610 s] holds samples 315 s … 600 s; extrapolation restores the full 300 s.
    expect(vectorAt(linear, 'increase(c_total[5m])', 610_000)['{job="a"}']).toBeCloseTo(300, 9);
  });

  it('honour offset', () => {
    expect(vectorAt(linear, 'increase(c_total[1m] offset 5m)', T)).toEqual({ '{job="a"}': 60 });
  });

  it('add back what a counter reset lost', () => {
    // +10 per sample, reset to 5 at sample 11, then +10 again: 100 + 5 + 90 in 300 s.
    const reset = store(
      series(
        { __name__: 'r_total' },
        [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 5, 15, 25, 35, 45, 55, 65, 75, 85, 95],
      ),
    );
    expect(vectorAt(reset, 'increase(r_total[5m])', 300_000)).toEqual({ '{}': 195 });
    expect(vectorAt(reset, 'rate(r_total[5m])', 300_000)).toEqual({ '{}': 0.65 });
    expect(vectorAt(reset, 'resets(r_total[5m])', 300_000)).toEqual({ '{}': 1 });
    // Right after the reset irate uses the new value alone.
    expect(vectorAt(reset, 'irate(r_total[1m])', 165_000)).toEqual({ '{}': 5 / 15 });
  });

  it('need two samples in the window', () => {
    expect(vectorAt(linear, 'rate(c_total[10s])', T)).toEqual({});
  });
});

describe('delta, deriv and predict_linear', () => {
  // A gauge falling by 0.1 per second from 100.
  const falling = store(generated({ __name__: 'free', disk: 'sda' }, 60, (i) => 100 - 1.5 * i));

  it('measure the change and the slope', () => {
    expect(vectorAt(falling, 'delta(free[5m])', T)).toEqual({ '{disk="sda"}': -30 });
    expect(vectorAt(falling, 'idelta(free[5m])', T)).toEqual({ '{disk="sda"}': -1.5 });
    expect(vectorAt(falling, 'deriv(free[5m])', T)['{disk="sda"}']).toBeCloseTo(-0.1, 12);
  });

  it('extrapolates the trend from the evaluation time', () => {
    // 40 now, minus 0.1/s for an hour.
    expect(vectorAt(falling, 'predict_linear(free[5m], 3600)', T)['{disk="sda"}']).toBeCloseTo(
      -320,
      9,
    );
  });
});

describe('aggregations over time', () => {
  // Samples at 0 s … 105 s; a 1 m window at 105 s holds [1, 5, 9, 2, 6].
  const temp = store(series({ __name__: 'temp', room: 'lab' }, [3, 1, 4, 1, 5, 9, 2, 6]));
  const at = (fn: string) => vectorAt(temp, `${fn}(temp[1m])`, 105_000)['{room="lab"}'];

  it('summarise the window', () => {
    expect(at('avg_over_time')).toBe(4.6);
    expect(at('min_over_time')).toBe(1);
    expect(at('max_over_time')).toBe(9);
    expect(at('sum_over_time')).toBe(23);
    expect(at('count_over_time')).toBe(5);
    expect(at('present_over_time')).toBe(1);
    expect(at('stdvar_over_time')).toBeCloseTo(8.24, 12);
    expect(at('stddev_over_time')).toBeCloseTo(Math.sqrt(8.24), 12);
    expect(vectorAt(temp, 'quantile_over_time(0.5, temp[1m])', 105_000)).toEqual({
      '{room="lab"}': 5,
    });
  });

  it('count changes and keeps the metric name only for last_over_time', () => {
    expect(vectorAt(temp, 'changes(temp[2m])', 105_000)).toEqual({ '{room="lab"}': 7 });
    expect(vectorAt(temp, 'last_over_time(temp[1m])', 105_000)).toEqual({
      '{__name__="temp", room="lab"}': 6,
    });
  });

  it('reports absent_over_time only when nothing was there', () => {
    expect(vectorAt(temp, 'absent_over_time(temp[1m])', 105_000)).toEqual({});
    expect(vectorAt(temp, 'absent_over_time(nope{room="x"}[1m])', 105_000)).toEqual({
      '{room="x"}': 1,
    });
  });
});

describe('subqueries', () => {
  const linear = store(
    generated({ __name__: 'c_total' }, 200, (i) => (i < 100 ? 15 * i : 1500 + 30 * (i - 100))),
  );

  it('evaluate the inner query on its own grid', () => {
    // The rate is 1 until 1500 s and 2 after; at 2400 s the last 10 minutes saw only 2.
    expect(vectorAt(linear, 'max_over_time(rate(c_total[1m])[10m:1m])', 2_400_000)).toEqual({
      '{}': 2,
    });
    expect(vectorAt(linear, 'min_over_time(rate(c_total[1m])[10m:])', 2_400_000)).toEqual({
      '{}': 2,
    });
    expect(vectorAt(linear, 'min_over_time(rate(c_total[1m])[20m:])', 2_400_000)).toEqual({
      '{}': 1,
    });
  });
});
