import { errorSpansHref } from './errorSpansLink';

describe('errorSpansHref', () => {
  it('filters Traces to error spans', () => {
    expect(errorSpansHref(new URLSearchParams())).toBe('/traces?tags=error%3Dtrue');
  });

  it('keeps the time range and session settings but not view variables', () => {
    const href = errorSpansHref(
      new URLSearchParams('from=now-6h&to=now&demo=1&var-agent=coder&tz=utc'),
    );
    expect(href).toBe('/traces?tags=error%3Dtrue&from=now-6h&to=now&demo=1&tz=utc');
  });
});
