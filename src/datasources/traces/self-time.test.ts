import { selfTimes, selfTimeTable } from './self-time';
import { sketchTrace } from '@/test/traces/spans';

describe('selfTimes', () => {
  it('subtracts the time covered by children once, clipped to the span', () => {
    const trace = sketchTrace([
      { id: 'root', start: 0, duration: 100 },
      { id: 'a', parent: 'root', start: 10, duration: 30 },
      { id: 'b', parent: 'root', start: 30, duration: 30 },
      { id: 'c', parent: 'root', start: 90, duration: 30 },
      { id: 'a1', parent: 'a', start: 12, duration: 100 },
    ]);
    const self = Object.fromEntries(trace.spans.map((s, i) => [s.key, selfTimes(trace)[i]]));
    expect(self).toEqual({ root: 40, a: 2, a1: 100, b: 30, c: 30 });
  });

  it('gives a span without children its whole duration, zero durations included', () => {
    const trace = sketchTrace([
      { id: 'root', start: 0, duration: 0 },
      { id: 'z', parent: 'root', start: 0, duration: 0 },
    ]);
    expect(Array.from(selfTimes(trace))).toEqual([0, 0]);
  });
});

describe('selfTimeTable', () => {
  it('groups by service and operation, largest self time first', () => {
    const trace = sketchTrace([
      { id: 'root', start: 0, duration: 100, service: 'api', operation: 'GET /' },
      {
        id: 'q1',
        parent: 'root',
        start: 10,
        duration: 20,
        service: 'db',
        operation: 'SELECT',
        status: 'error',
      },
      { id: 'q2', parent: 'root', start: 40, duration: 40, service: 'db', operation: 'SELECT' },
    ]);
    expect(selfTimeTable(trace)).toEqual([
      {
        service: 'db',
        operation: 'SELECT',
        count: 2,
        totalUs: 60,
        selfTotalUs: 60,
        avgUs: 30,
        selfAvgUs: 30,
        maxUs: 40,
        errorCount: 1,
      },
      {
        service: 'api',
        operation: 'GET /',
        count: 1,
        totalUs: 100,
        selfTotalUs: 40,
        avgUs: 100,
        selfAvgUs: 40,
        maxUs: 100,
        errorCount: 0,
      },
    ]);
  });
});
