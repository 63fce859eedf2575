// @vitest-environment node
import { escapeRegexValue, interpolateQuery } from './interpolate';

const builtins = { rateInterval: 60, interval: 15, range: 3600 };

describe('interpolateQuery', () => {
  it('replaces $name and ${name} with single values as written', () => {
    expect(
      interpolateQuery(
        'sum(rate(x{agent="$agent", mode="${mode}"}[5m]))',
        {
          agent: 'planner',
          mode: 'batch',
        },
        builtins,
      ),
    ).toBe('sum(rate(x{agent="planner", mode="batch"}[5m]))');
  });

  it('writes built-in intervals as Prometheus durations', () => {
    const q =
      'rate(x[$__rate_interval]) / $__interval / ${__range} / $__range_s / $__interval_ms / $__range_ms';
    expect(interpolateQuery(q, {}, { rateInterval: 90, interval: 15, range: 86_400 })).toBe(
      'rate(x[1m30s]) / 15s / 1d / 86400 / 15000 / 86400000',
    );
  });

  it('turns a list into an escaped regex alternation', () => {
    expect(
      interpolateQuery('x{model=~"$model"}', { model: ['gpt-4.1', 'llama (v2)', 'a|b'] }, builtins),
    ).toBe('x{model=~"(gpt-4\\\\.1|llama \\\\(v2\\\\)|a\\\\|b)"}');
  });

  it('gives () for an empty list', () => {
    expect(interpolateQuery('x{a=~"$a"}', { a: [] }, builtins)).toBe('x{a=~"()"}');
  });

  it('leaves unknown variables, label_replace references and prototype names alone', () => {
    const q = 'label_replace(up{job="$job"}, "host", "$1", "instance", "(.*):$constructor")';
    expect(interpolateQuery(q, {}, builtins)).toBe(q);
  });

  it('matches the longest variable name', () => {
    expect(interpolateQuery('$agent_name $agent', { agent: 'a' }, builtins)).toBe('$agent_name a');
  });
});

describe('escapeRegexValue', () => {
  it('escapes for a regex inside a double-quoted PromQL string', () => {
    // What Prometheus sees after unquoting is the regex in the comment.
    expect(escapeRegexValue('a.b')).toBe('a\\\\.b'); // a\.b
    expect(escapeRegexValue('back\\slash')).toBe('back\\\\\\\\slash'); // back\\slash
    expect(escapeRegexValue('say "hi"')).toBe('say \\"hi\\"'); // say "hi"
    expect(escapeRegexValue('^$*+?{}[]')).toBe('\\\\^\\\\$\\\\*\\\\+\\\\?\\\\{\\\\}\\\\[\\\\]');
    expect(escapeRegexValue('plain-name_1')).toBe('plain-name_1');
  });
});
