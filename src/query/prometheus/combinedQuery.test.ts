import type { PromFrame } from '@/query/prometheus/panelQuery';
import { alignFrames } from './combinedQuery';

const frame = (expr: string) => ({ expr }) as PromFrame;

describe('alignFrames', () => {
  it('gives each ready panel its frame and the others null', () => {
    const states = [{ kind: 'ready' }, { kind: 'no-query' }, { kind: 'ready' }];
    expect(alignFrames(states, [frame('a'), frame('b')]).map((f) => f?.expr ?? null)).toEqual([
      'a',
      null,
      'b',
    ]);
  });
});
