// @vitest-environment jsdom
import { registerLocalTrace, useOpenedTraces } from '@/state/openedTraces';
import { loadLocalTrace, LocalTraceMissingError } from './localTrace';

const span = (traceID: string, spanID: string, operationName: string) => ({
  traceID,
  spanID,
  operationName,
  startTime: 1_700_000_000_000_000,
  duration: 10,
  references: [],
  processID: 'p1',
});

const TWO_TRACES = JSON.stringify({
  data: ['aaaa', 'bbbb'].map((id) => ({
    traceID: id,
    spans: [span(id, `${id}01`, `op-${id}`)],
    processes: { p1: { serviceName: 'api' } },
  })),
});

afterEach(() => useOpenedTraces.setState({ entries: [] }));

describe('loadLocalTrace', () => {
  it('parses a kept file and returns the trace the entry names', async () => {
    const file = new File([TWO_TRACES], 'two.json');
    const trace = await loadLocalTrace(registerLocalTrace({ source: file, traceId: 'bbbb' }));
    expect(trace.traceId).toBe('bbbb');
    expect(trace.spans[0]?.operation).toBe('op-bbbb');
  });

  it('returns the first trace when the entry names none', async () => {
    const trace = await loadLocalTrace(registerLocalTrace({ source: TWO_TRACES }));
    expect(trace.traceId).toBe('aaaa');
  });

  it('says which trace the file lacks', async () => {
    const id = registerLocalTrace({ source: TWO_TRACES, name: 'two.json', traceId: 'cccc' });
    await expect(loadLocalTrace(id)).rejects.toThrow('two.json holds no trace cccc.');
  });

  it('explains an id this tab does not know', async () => {
    await expect(loadLocalTrace('local-old-1')).rejects.toThrow(LocalTraceMissingError);
    await expect(loadLocalTrace('local-old-1')).rejects.toThrow(/Open the file again/);
  });
});
