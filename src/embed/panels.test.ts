import { isPanelId, panelTitle, standaloneVariables } from './panels';

describe('isPanelId', () => {
  it('knows the preset panel ids', () => {
    expect(isPanelId('health.success-rate')).toBe(true);
    expect(isPanelId('health.nope')).toBe(false);
    expect(isPanelId(undefined)).toBe(false);
  });
});

describe('standaloneVariables', () => {
  it('fills the knobs a panel query needs when the URL leaves them out', () => {
    expect(standaloneVariables('histogram_quantile($quantile, x)', {})).toEqual({
      quantile: '0.95',
    });
    expect(standaloneVariables('increase(x[${window}])', {})).toEqual({ window: '1h' });
  });

  it('leaves them to the URL when it sets them, and to queries that do not use them', () => {
    expect(standaloneVariables('histogram_quantile($quantile, x)', { quantile: ['0.99'] })).toEqual(
      {},
    );
    expect(standaloneVariables('rate(x{agent=~"$agent"}[5m])', {})).toEqual({});
    expect(standaloneVariables(null, {})).toEqual({});
  });
});

describe('panelTitle', () => {
  it('fills in the variables a title names', () => {
    expect(panelTitle('Error ratio over $window', { window: '1h' })).toBe('Error ratio over 1h');
    expect(panelTitle('Latency of ${agent}', { agent: ['a', 'b'] })).toBe('Latency of a, b');
    expect(panelTitle('Cost in $currency', {})).toBe('Cost in $currency');
  });
});
