// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sketchTrace } from '@/test/traces/spans';
import { findSpans, parseSpanQuery } from './search';

const trace = sketchTrace([
  { id: 'a1', start: 0, duration: 100, service: 'Checkout', operation: 'POST /orders' },
  {
    id: 'b2',
    parent: 'a1',
    start: 10,
    duration: 20,
    service: 'payments',
    operation: 'charge',
    attributes: { 'http.status_code': 500, 'card.brand': 'VISA' },
  },
  { id: 'c3', parent: 'a1', start: 40, duration: 20, service: 'db', operation: 'SELECT orders' },
]);

const keys = (query: string) => [...findSpans(trace, query)].map((i) => trace.spans[i]?.key);

describe('findSpans', () => {
  it('matches service, operation and span id, ignoring case', () => {
    expect(keys('checkout')).toEqual(['a1']);
    expect(keys('ORDERS')).toEqual(['a1', 'c3']);
    expect(keys('b2')).toEqual(['b2']);
  });

  it('matches attribute keys and values, numbers included', () => {
    expect(keys('visa')).toEqual(['b2']);
    expect(keys('status_code')).toEqual(['b2']);
    expect(keys('500')).toEqual(['b2']);
  });

  it('matches key=value against that attribute only', () => {
    expect(keys('http.status_code=500')).toEqual(['b2']);
    expect(keys('http.status_code=404')).toEqual([]);
    expect(keys('card.brand=vi')).toEqual(['b2']);
  });

  it('finds nothing for blank queries or text that is nowhere', () => {
    expect(keys('   ')).toEqual([]);
    expect(keys('no such thing')).toEqual([]);
  });
});

describe('parseSpanQuery', () => {
  it('reads key=value only when the key has no spaces', () => {
    expect(parseSpanQuery(' a.b = C ')).toEqual({ key: 'a.b', text: 'c' });
    expect(parseSpanQuery('x y=z')).toEqual({ key: null, text: 'x y=z' });
    expect(parseSpanQuery('')).toBeNull();
  });
});
