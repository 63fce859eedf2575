import { summarizeTrace, traceStats } from './summary';
import { sketchTrace } from '@/test/traces/spans';

const trace = sketchTrace([
  { id: 'orphan', parent: 'gone', start: 0, duration: 5, service: 'late' },
  { id: 'root', start: 10, duration: 100, service: 'api', operation: 'GET /' },
  { id: 'a', parent: 'root', start: 20, duration: 10, service: 'db', status: 'error' },
  { id: 'b', parent: 'a', start: 21, duration: 1, service: 'db' },
]);

describe('summarizeTrace', () => {
  it('names the first real root and counts spans and errors per service', () => {
    expect(summarizeTrace(trace)).toEqual({
      traceId: 't1',
      rootService: 'api',
      rootOperation: 'GET /',
      startUs: 0,
      durationUs: 110,
      spanCount: 4,
      errorCount: 1,
      services: [
        { name: 'db', count: 2 },
        { name: 'api', count: 1 },
        { name: 'late', count: 1 },
      ],
    });
  });
});

describe('traceStats', () => {
  it('reports depth, counts, services and duration', () => {
    expect(traceStats(trace)).toEqual({
      spanCount: 4,
      errorCount: 1,
      services: ['late', 'api', 'db'],
      maxDepth: 2,
      durationUs: 110,
    });
  });
});
