// @vitest-environment node
import { decideSeq } from './sequencer';

describe('decideSeq', () => {
  it.each([
    ['first full message', { last: null, seq: 9, full: true, fresh: true }, 'apply'],
    ['first delta has no base', { last: null, seq: 9, full: false, fresh: true }, 'gap'],
    ['next in order', { last: 4, seq: 5, full: false, fresh: false }, 'apply'],
    ['repeat', { last: 4, seq: 4, full: false, fresh: false }, 'duplicate'],
    ['older', { last: 4, seq: 2, full: true, fresh: false }, 'duplicate'],
    ['delta after a hole', { last: 4, seq: 7, full: false, fresh: false }, 'gap'],
    ['full message bridges a hole', { last: 4, seq: 7, full: true, fresh: false }, 'apply'],
    ['restarted gateway snapshot', { last: 40, seq: 1, full: true, fresh: true }, 'apply'],
    ['restarted gateway delta', { last: 40, seq: 1, full: false, fresh: true }, 'gap'],
    ['continuation on a new socket', { last: 40, seq: 41, full: false, fresh: true }, 'apply'],
  ] as const)('%s → %s', (_name, input, expected) => {
    expect(decideSeq(input)).toBe(expected);
  });
});
