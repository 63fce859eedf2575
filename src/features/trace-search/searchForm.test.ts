import {
  EMPTY_SEARCH_FORM,
  parseGoDuration,
  readSearchForm,
  validateSearchForm,
  writeSearchForm,
  type SearchForm,
} from './searchForm';

const form = (fields: Partial<SearchForm>): SearchForm => ({ ...EMPTY_SEARCH_FORM, ...fields });

describe('search form in the URL', () => {
  it('reads the fields from their parameters, TraceQL from q', () => {
    const params = new URLSearchParams(
      'service=api&tags=error%3Dtrue&q=%7B%7D&limit=5&from=now-1h',
    );
    expect(readSearchForm(params)).toEqual(
      form({ service: 'api', tags: 'error=true', query: '{}', limit: '5' }),
    );
  });

  it('writes the fields back, drops empty ones and keeps time range, zone and demo mode', () => {
    const current = new URLSearchParams('from=now-6h&tz=utc&demo=1&operation=old&tags=x%3D1');
    const next = writeSearchForm(form({ service: ' api ', minDuration: '100ms' }), current);
    expect(next.toString()).toBe('from=now-6h&tz=utc&demo=1&service=api&minDuration=100ms');
  });
});

describe('validateSearchForm', () => {
  it('builds a Jaeger request with parsed tags and the default limit', () => {
    const result = validateSearchForm(
      form({ service: 'api', operation: 'GET /', tags: 'error=true', maxDuration: '2s' }),
      'jaeger',
    );
    expect(result).toEqual({
      ok: true,
      request: {
        service: 'api',
        operation: 'GET /',
        tags: { error: 'true' },
        maxDuration: '2s',
        limit: 20,
      },
    });
  });

  it('asks for a service on Jaeger but not on Tempo', () => {
    const jaeger = validateSearchForm(form({ tags: 'error=true' }), 'jaeger');
    expect(jaeger).toEqual({
      ok: false,
      problems: { service: 'Choose a service: Jaeger searches one service at a time.' },
    });
    expect(validateSearchForm(form({ tags: 'error=true' }), 'tempo')).toEqual({
      ok: true,
      request: { tags: { error: 'true' }, limit: 20 },
    });
  });

  it('sends TraceQL instead of service, operation and tags on Tempo, and ignores it on Jaeger', () => {
    const fields = form({
      service: 'api',
      tags: 'broken',
      query: '{ status = error }',
      limit: '50',
    });
    expect(validateSearchForm(fields, 'tempo')).toEqual({
      ok: true,
      request: { query: '{ status = error }', limit: 50 },
    });
    const jaeger = validateSearchForm(fields, 'jaeger');
    expect(jaeger.ok).toBe(false);
    expect(!jaeger.ok && jaeger.problems.tags).toBe('Expected key=value, got “broken”.');
  });

  it('names each invalid field', () => {
    const result = validateSearchForm(
      form({ service: 'api', minDuration: '2 seconds', maxDuration: '1s', limit: '0' }),
      'jaeger',
    );
    expect(result).toEqual({
      ok: false,
      problems: {
        minDuration: 'Min duration must be a duration such as 100ms, 1.5s or 2m.',
        limit: 'Limit must be a whole number from 1 to 1500.',
      },
    });
  });

  it('rejects a max duration shorter than the min duration', () => {
    const result = validateSearchForm(
      form({ service: 'api', minDuration: '1.5s', maxDuration: '900ms' }),
      'jaeger',
    );
    expect(result).toEqual({
      ok: false,
      problems: { maxDuration: 'Max duration is shorter than min duration.' },
    });
  });
});

describe('parseGoDuration', () => {
  it.each([
    ['100ms', 100_000],
    ['1.5s', 1_500_000],
    ['1h30m', 5_400_000_000],
    ['250us', 250],
    ['250µs', 250],
    ['.5s', 500_000],
  ])('reads %s as %d µs', (text, us) => {
    expect(parseGoDuration(text)).toBe(us);
  });

  it.each(['', '100', 'ms', '1 s', '1s foo', '-1s'])('refuses %j', (text) => {
    expect(parseGoDuration(text)).toBeNull();
  });
});
