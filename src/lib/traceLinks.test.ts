import { compareHref, traceHref } from './traceLinks';

const current = new URLSearchParams('service=api&from=now-6h&to=now&tz=utc&demo=1&var-agent=x');

describe('trace links', () => {
  it('opens a trace keeping time range, zone and demo mode but not the search form', () => {
    expect(traceHref('4bf92f35', current)).toBe(
      '/traces/4bf92f35?from=now-6h&to=now&tz=utc&demo=1',
    );
    expect(traceHref('local-x-1', new URLSearchParams())).toBe('/traces/local-x-1');
  });

  it('compares two traces, a first', () => {
    expect(compareHref('aa', 'local-x-2', current)).toBe(
      '/traces/compare?a=aa&b=local-x-2&from=now-6h&to=now&tz=utc&demo=1',
    );
  });
});
