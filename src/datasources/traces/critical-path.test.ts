import { criticalPath, criticalSpanKeys } from './critical-path';
import type { SpanSketch } from '@/test/traces/spans';
import { sketchTrace } from '@/test/traces/spans';

function path(spans: SpanSketch[]): string[] {
  return criticalPath(sketchTrace(spans)).map((s) => `${s.key} ${s.startUs}-${s.endUs}`);
}

describe('criticalPath', () => {
  it('walks back from the end through the last-finishing children', () => {
    expect(
      path([
        { id: 'root', start: 0, duration: 100 },
        { id: 'a', parent: 'root', start: 10, duration: 30 },
        { id: 'b', parent: 'root', start: 50, duration: 40 },
      ]),
    ).toEqual(['root 0-10', 'a 10-40', 'root 40-50', 'b 50-90', 'root 90-100']);
  });

  it('skips a child that overlaps the later-finishing one', () => {
    expect(
      path([
        { id: 'root', start: 0, duration: 100 },
        { id: 'a', parent: 'root', start: 10, duration: 50 },
        { id: 'b', parent: 'root', start: 20, duration: 60 },
      ]),
    ).toEqual(['root 0-20', 'b 20-80', 'root 80-100']);
  });

  it('descends into grandchildren', () => {
    expect(
      path([
        { id: 'root', start: 0, duration: 100 },
        { id: 'a', parent: 'root', start: 10, duration: 80 },
        { id: 'a1', parent: 'a', start: 20, duration: 30 },
        { id: 'a2', parent: 'a', start: 60, duration: 20 },
      ]),
    ).toEqual([
      'root 0-10',
      'a 10-20',
      'a1 20-50',
      'a 50-60',
      'a2 60-80',
      'a 80-90',
      'root 90-100',
    ]);
  });

  it('leaves out FOLLOWS_FROM children, clips overflowing children and drops those outside', () => {
    expect(
      path([
        { id: 'root', start: 0, duration: 100 },
        { id: 'async', parent: 'root', start: 50, duration: 50, refType: 'FOLLOWS_FROM' },
        { id: 'over', parent: 'root', start: 80, duration: 70 },
        { id: 'outside', parent: 'root', start: 120, duration: 10 },
      ]),
    ).toEqual(['root 0-80', 'over 80-100']);
  });

  it('covers every root of a trace with several roots', () => {
    expect(
      path([
        { id: 'r1', start: 0, duration: 10 },
        { id: 'r2', start: 20, duration: 10 },
        { id: 'k', parent: 'r2', start: 22, duration: 8 },
      ]),
    ).toEqual(['r1 0-10', 'r2 20-22', 'k 22-30']);
  });

  it('lists the keys of the spans on the path', () => {
    const trace = sketchTrace([
      { id: 'root', start: 0, duration: 100 },
      { id: 'a', parent: 'root', start: 10, duration: 50 },
      { id: 'b', parent: 'root', start: 20, duration: 60 },
    ]);
    expect([...criticalSpanKeys(criticalPath(trace))].sort()).toEqual(['b', 'root']);
  });

  it('handles a very deep chain and a very wide fan-out', () => {
    const n = 50_000;
    const chain = sketchTrace(
      Array.from({ length: n }, (_, i) => ({
        id: `s${i}`,
        parent: i ? `s${i - 1}` : undefined,
        start: i,
        duration: 2 * (n - i),
      })),
    );
    expect(criticalPath(chain)).toHaveLength(2 * n - 1);
    const wide = sketchTrace([
      { id: 'root', start: 0, duration: 2 * n + 1 },
      ...Array.from({ length: n }, (_, i) => ({
        id: `c${i}`,
        parent: 'root',
        start: 2 * i + 1,
        duration: 1,
      })),
    ]);
    expect(criticalPath(wide)).toHaveLength(2 * n + 1);
  });
});
