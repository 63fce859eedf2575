import { keysOf, sketchTrace } from '@/test/traces/spans';

describe('assembleTrace', () => {
  it('orders spans depth-first with siblings by start time, whatever the input order', () => {
    const trace = sketchTrace([
      { id: 'c2', parent: 'root', start: 50, duration: 10 },
      { id: 'c1b', parent: 'c1', start: 15, duration: 5 },
      { id: 'root', start: 0, duration: 100 },
      { id: 'c1', parent: 'root', start: 10, duration: 30 },
    ]);
    expect(keysOf(trace)).toEqual(['root', 'c1', 'c1b', 'c2']);
    expect(Array.from(trace.tree.depth)).toEqual([0, 1, 2, 1]);
    expect(Array.from(trace.tree.parent)).toEqual([-1, 0, 1, 0]);
    expect(Array.from(trace.tree.subtreeSize)).toEqual([4, 2, 1, 1]);
    expect(trace.rootIndices).toEqual([0]);
    expect([trace.startUs, trace.endUs, trace.durationUs]).toEqual([0, 100, 100]);
    expect(trace.warnings).toEqual([]);
  });

  it('orders siblings by start, ties by input order, for whole, fractional and far-apart times', () => {
    const siblings = (starts: number[]) =>
      keysOf(
        sketchTrace([
          { id: 'root', start: 0, duration: 1e16 },
          ...starts.map((start, i) => ({ id: `s${i}`, parent: 'root', start, duration: 1 })),
        ]),
      ).slice(1);
    // Whole microseconds: the packed numeric sort.
    expect(siblings([30, 10, 20, 10, 0])).toEqual(['s4', 's1', 's3', 's2', 's0']);
    // Fractions (nanosecond sources) and a range too long to pack: compared one by one.
    expect(siblings([30.5, 10.25, 20, 10.25, 0.5])).toEqual(['s4', 's1', 's3', 's2', 's0']);
    expect(siblings([9e15, 10, 3e15, 10, 0])).toEqual(['s4', 's1', 's3', 's2', 's0']);
  });

  it('shows spans whose parent is missing as extra roots flagged orphan', () => {
    const trace = sketchTrace([
      { id: 'root', start: 0, duration: 100 },
      { id: 'lost', parent: 'nowhere', start: 5, duration: 10 },
      { id: 'child', parent: 'lost', start: 6, duration: 1 },
    ]);
    expect(keysOf(trace, trace.rootIndices)).toEqual(['root', 'lost']);
    expect(trace.spans[1]?.flags).toEqual({ orphan: true });
    expect(trace.spans[2]?.flags).toEqual({});
    expect(trace.warnings).toEqual([
      { code: 'orphan', message: expect.any(String), count: 1, spanKey: 'lost' },
    ]);
  });

  it('says when a span names itself as its parent, and when a duration is negative', () => {
    const trace = sketchTrace([
      { id: 'root', start: 0, duration: 100 },
      { id: 'loop', parent: 'loop', start: 5, duration: 10 },
      { id: 'back', parent: 'root', start: 6, duration: -500 },
    ]);
    expect(keysOf(trace, trace.rootIndices)).toEqual(['root', 'loop']);
    expect(trace.warnings).toEqual([
      {
        code: 'orphan',
        message: 'Spans that name themselves as their parent are shown as roots',
        count: 1,
        spanKey: 'loop',
      },
      {
        code: 'invalid-data',
        message: 'Spans have a negative duration; shown as recorded',
        count: 1,
        spanKey: 'back',
      },
    ]);
  });

  it('keeps duplicate span ids with unique keys and attaches children to the first copy', () => {
    const trace = sketchTrace([
      { id: 'a', start: 0, duration: 100 },
      { id: 'a', start: 1, duration: 50 },
      { id: 'a', start: 2, duration: 50 },
      { id: 'kid', parent: 'a', start: 3, duration: 5 },
    ]);
    expect(keysOf(trace)).toEqual(['a', 'kid', 'a~2', 'a~3']);
    expect(trace.spans.filter((s) => s.flags.duplicateId)).toHaveLength(3);
    expect(trace.warnings.find((w) => w.code === 'duplicate-id')?.count).toBe(3);
  });

  it.each([
    ['before', ['a', 'a~2', 'a']],
    ['after', ['a', 'a', 'a~2']],
  ])('does not give a duplicate the key of a real span id that comes %s it', (_, ids) => {
    const trace = sketchTrace(ids.map((id, i) => ({ id, start: i, duration: 1 })));
    expect(keysOf(trace).sort()).toEqual(['a', 'a~2', 'a~3']);
    expect(trace.spans.find((s) => s.key === 'a~2')?.spanId).toBe('a~2');
  });

  it('nests a span whose parent id is its own id under its twin (shared RPC span)', () => {
    const trace = sketchTrace([
      { id: 'root', start: 0, duration: 100 },
      { id: 'rpc', parent: 'rpc', start: 12, duration: 20, service: 'server' },
      { id: 'rpc', parent: 'root', start: 10, duration: 30, service: 'client' },
      { id: 'work', parent: 'rpc', start: 13, duration: 5, service: 'server' },
    ]);
    expect(
      trace.spans.map((s) => `${s.service}:${trace.tree.depth[trace.spans.indexOf(s)]}`),
    ).toEqual(['svc:0', 'client:1', 'server:2', 'server:3']);
    expect(trace.spans.some((s) => s.flags.duplicateId)).toBe(false);
  });

  it('cuts a loop of parent ids instead of hanging or dropping spans', () => {
    const trace = sketchTrace([
      { id: 'a', parent: 'b', start: 0, duration: 10 },
      { id: 'b', parent: 'a', start: 1, duration: 5 },
      { id: 'c', parent: 'c', start: 2, duration: 1 },
    ]);
    expect(trace.spans).toHaveLength(3);
    // Loops are cut after the regular roots are laid out, so their spans come last.
    expect(keysOf(trace)).toEqual(['c', 'a', 'b']);
    expect(keysOf(trace, trace.rootIndices)).toEqual(['c', 'a']);
    expect(trace.spans.map((s) => s.flags)).toEqual([{ orphan: true }, { cycle: true }, {}]);
    expect(trace.warnings.map((w) => w.code).sort()).toEqual(['cycle', 'orphan']);
  });

  it('flags clock skew and children outliving their parent, keeping the recorded times', () => {
    const trace = sketchTrace([
      { id: 'p', start: 100, duration: 100 },
      { id: 'early', parent: 'p', start: 90, duration: 20 },
      { id: 'late', parent: 'p', start: 150, duration: 100 },
      { id: 'async', parent: 'p', start: 150, duration: 100, refType: 'FOLLOWS_FROM' },
      { id: 'zero', parent: 'p', start: 120, duration: 0 },
    ]);
    const flags = Object.fromEntries(trace.spans.map((s) => [s.key, s.flags]));
    expect(flags).toEqual({
      p: {},
      early: { clockSkew: true },
      zero: {},
      late: { outlivesParent: true },
      async: {},
    });
    expect(trace.spans.find((s) => s.key === 'early')?.startUs).toBe(90);
    expect(trace.startUs).toBe(90);
  });

  it('handles an empty trace and a 100k-deep chain without recursion', () => {
    expect(sketchTrace([]).spans).toEqual([]);
    const n = 100_000;
    const chain = sketchTrace(
      Array.from({ length: n }, (_, i) => ({
        id: `s${i}`,
        parent: i ? `s${i - 1}` : undefined,
        start: i,
        duration: n - i,
      })),
    );
    expect(chain.tree.depth[n - 1]).toBe(n - 1);
    expect(chain.tree.subtreeSize[0]).toBe(n);
  });
});
