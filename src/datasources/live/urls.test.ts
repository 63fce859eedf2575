// @vitest-environment node
import { gatewayUrls, resolveBase, toWebSocketUrl } from './urls';

describe('gateway URLs', () => {
  it('resolves a relative base against the page and derives ws URLs', () => {
    const urls = gatewayUrls('/demo/gateway/', 'https://observatory.example.com/health?x=1');
    expect(urls.overview).toBe(
      'https://observatory.example.com/demo/gateway/api/v1/observability/overview',
    );
    expect(urls.socket({ kind: 'metrics' })).toBe(
      'wss://observatory.example.com/demo/gateway/api/v1/observability/ws/metrics',
    );
    expect(urls.socket({ kind: 'execution', id: 'a b' })).toMatch(/\/ws\/executions\/a%20b$/);
    expect(urls.metricsEvents).toMatch(/\/api\/v1\/observability\/metrics\/stream$/);
    expect(urls.trace('abc')).toMatch(/\/traces\/abc$/);
  });

  it('keeps an absolute base and its port', () => {
    expect(resolveBase('http://localhost:8080/gw', 'https://elsewhere.test/')).toBe(
      'http://localhost:8080/gw',
    );
    expect(toWebSocketUrl('http://localhost:8080/x')).toBe('ws://localhost:8080/x');
    expect(toWebSocketUrl('HTTPS://h/x')).toBe('wss://h/x');
  });
});
