import { DEFAULT_LIVE_POLL_MS, livePollIntervalMs } from './pollInterval';

describe('livePollIntervalMs', () => {
  it('follows the refresh parameter, then the configured default', () => {
    expect(livePollIntervalMs('10s', '30s')).toBe(10_000);
    expect(livePollIntervalMs(null, '1m')).toBe(60_000);
    expect(livePollIntervalMs('bogus', '30s')).toBe(30_000);
  });

  it('polls every 5 s when refreshing is off', () => {
    expect(livePollIntervalMs('off', '30s')).toBe(DEFAULT_LIVE_POLL_MS);
    expect(livePollIntervalMs(null, 'off')).toBe(5_000);
  });
});
