import { describe, expect, it } from 'vitest';
import { formatAge } from './age';

describe('formatAge', () => {
  it.each([
    [0, 'just now'],
    [1499, 'just now'],
    [12_000, '12 s ago'],
    [59_000, '59 s ago'],
    [180_000, '3 min ago'],
    [7_200_000, '2 h ago'],
  ])('%i ms → %s', (ms, expected) => {
    expect(formatAge(ms)).toBe(expected);
  });
});
