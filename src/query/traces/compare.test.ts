// @vitest-environment jsdom
import { registerLocalTrace, useOpenedTraces } from '@/state/openedTraces';
import { QueryClient } from '@tanstack/react-query';
import { comparedTraceQuery, LocalTraceMissingError } from './compare';

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

/** Loads as the compare page does, through the trace engine (in this thread under jsdom). */
const load = (id: string) =>
  new QueryClient({ defaultOptions: { queries: { retry: false } } }).fetchQuery(
    comparedTraceQuery(null, 'none', id),
  );
const rootOperation = (o: Awaited<ReturnType<typeof load>>) =>
  o.operations[o.operation[o.rootIndices[0] ?? 0] ?? 0];

describe('comparedTraceQuery for a file opened in this tab', () => {
  it('reads a kept file and returns the trace the entry names', async () => {
    const file = new File([TWO_TRACES], 'two.json');
    const overview = await load(registerLocalTrace({ source: file, traceId: 'bbbb' }));
    expect(overview.traceId).toBe('bbbb');
    expect(rootOperation(overview)).toBe('op-bbbb');
  });

  it('returns the first trace when the entry names none', async () => {
    const overview = await load(registerLocalTrace({ source: TWO_TRACES }));
    expect(overview.traceId).toBe('aaaa');
  });

  it('explains an id this tab does not know', async () => {
    await expect(load('local-old-1')).rejects.toThrow(LocalTraceMissingError);
    await expect(load('local-old-1')).rejects.toThrow(/Open the file again/);
  });
});

describe('comparedTraceQuery without a trace backend', () => {
  it('says what to configure', async () => {
    await expect(load('abcd')).rejects.toThrow(
      'No trace backend is configured to load trace abcd: set datasources.traces in config.json.',
    );
  });
});
