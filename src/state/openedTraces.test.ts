import { detectAndParse } from '@/datasources/traces';
import {
  forgetLocalTrace,
  getLocalTrace,
  isLocalTraceId,
  MAX_LOCAL_TRACES,
  registerLocalTrace,
  useOpenedTraces,
} from './openedTraces';

const JAEGER_DOC = JSON.stringify({
  data: [
    {
      traceID: 'abc123',
      spans: [
        {
          traceID: 'abc123',
          spanID: 's1',
          operationName: 'GET /',
          startTime: 1_000,
          duration: 50,
          references: [],
          processID: 'p1',
        },
      ],
      processes: { p1: { serviceName: 'api' } },
    },
  ],
});

afterEach(() => useOpenedTraces.setState({ entries: [] }));

describe('opened traces', () => {
  it('keeps a parsed trace under a fresh local id', () => {
    const trace = detectAndParse(JAEGER_DOC).traces[0];
    const file = new File([JAEGER_DOC], 'trace.json', { type: 'application/json' });
    const id = registerLocalTrace({ source: file, trace, format: 'jaeger', warnings: ['w'] });

    expect(isLocalTraceId(id)).toBe(true);
    expect(getLocalTrace(id)).toMatchObject({
      id,
      name: 'trace.json',
      sizeBytes: file.size,
      source: file,
      traceId: trace?.traceId,
      trace,
      format: 'jaeger',
      warnings: ['w'],
    });
    expect(registerLocalTrace({ source: file })).not.toBe(id);
  });

  it('keeps text still to be parsed, measured in bytes, with the trace to pick from it', () => {
    const id = registerLocalTrace({ source: 'ü', traceId: 'abc123' });
    expect(getLocalTrace(id)).toMatchObject({
      name: 'Pasted trace',
      sizeBytes: 2,
      traceId: 'abc123',
      trace: null,
      format: null,
      warnings: [],
    });
  });

  it('does not know backend ids, forgotten ids or ids of entries dropped for newer ones', () => {
    expect(isLocalTraceId('4bf92f3577b34da6a3ce929d0e0e4736')).toBe(false);
    const first = registerLocalTrace({ source: '{}' });
    for (let i = 0; i < MAX_LOCAL_TRACES; i++) registerLocalTrace({ source: '{}' });
    expect(getLocalTrace(first)).toBeUndefined();
    expect(useOpenedTraces.getState().entries).toHaveLength(MAX_LOCAL_TRACES);

    const last = registerLocalTrace({ source: '{}' });
    forgetLocalTrace(last);
    expect(getLocalTrace(last)).toBeUndefined();
  });
});
