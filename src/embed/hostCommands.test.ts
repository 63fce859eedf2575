import {
  buildStateMessage,
  checkHostTimeRange,
  sameValues,
  timeRangeError,
  variableValues,
} from './hostCommands';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

describe('checkHostTimeRange', () => {
  it('resolves Grafana-style, ISO and epoch expressions', () => {
    expect(checkHostTimeRange({ from: 'now-6h', to: 'now' }, NOW, 'utc')).toEqual({
      ok: true,
      value: { from: NOW - 6 * 3_600_000, to: NOW },
    });
    expect(checkHostTimeRange({ from: '2026-01-15', to: String(NOW) }, NOW, 'utc')).toEqual({
      ok: true,
      value: { from: Date.UTC(2026, 0, 15), to: NOW },
    });
  });

  it('says which end is wrong', () => {
    expect(checkHostTimeRange({ from: 'yesterday', to: 'now' }, NOW, 'utc')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^From: /),
    });
    expect(checkHostTimeRange({ from: 'now', to: 'now-1h' }, NOW, 'utc')).toEqual({
      ok: false,
      error: 'From must be before To',
    });
  });
});

describe('timeRangeError', () => {
  it('is an error message naming the refused range', () => {
    expect(timeRangeError({ from: 'soon', to: 'now' }, 'From: nope')).toEqual({
      type: 'observatory:error',
      code: 'invalid-time-range',
      request: 'observatory:set-time-range',
      message: 'Time range "soon" to "now" refused: From: nope',
    });
  });
});

describe('variableValues and sameValues', () => {
  it('turns one value into a list and copies a list', () => {
    expect(variableValues('planner')).toEqual(['planner']);
    expect(variableValues(['a', 'b'])).toEqual(['a', 'b']);
    expect(variableValues([])).toEqual([]);
  });

  it('compares lists in order', () => {
    expect(sameValues(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValues(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValues([], ['a'])).toBe(false);
  });
});

describe('buildStateMessage', () => {
  it('carries route, raw and resolved range, variables and theme', () => {
    expect(
      buildStateMessage({
        route: '/health',
        raw: { from: 'now-1h', to: 'now' },
        range: { from: NOW - 3_600_000, to: NOW },
        variables: { agent: ['planner'] },
        theme: 'system',
        resolvedTheme: 'dark',
      }),
    ).toEqual({
      type: 'observatory:state',
      route: '/health',
      range: { from: 'now-1h', to: 'now', resolved: { from: NOW - 3_600_000, to: NOW } },
      variables: { agent: ['planner'] },
      theme: 'system',
      resolvedTheme: 'dark',
    });
  });
});
