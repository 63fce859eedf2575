import { describe, expect, it } from 'vitest';
import { matchLabel, stepMatch } from './findNav';

const matches = Int32Array.from([3, 8, 20]);

describe('stepMatch', () => {
  it('steps forward and back from the current match, wrapping at both ends', () => {
    expect(stepMatch(matches, 0, 1)).toBe(1);
    expect(stepMatch(matches, 2, 1)).toBe(0);
    expect(stepMatch(matches, 0, -1)).toBe(2);
  });

  it('starts from the selected span when there is no current match', () => {
    expect(stepMatch(matches, -1, 1, 5)).toBe(1);
    expect(stepMatch(matches, -1, 1, 8)).toBe(2);
    expect(stepMatch(matches, -1, 1, 25)).toBe(0);
    expect(stepMatch(matches, -1, -1, 10)).toBe(1);
    expect(stepMatch(matches, -1, -1, 8)).toBe(0);
    expect(stepMatch(matches, -1, -1, 1)).toBe(2);
  });

  it('starts at the first or last match without a selection, and finds none in none', () => {
    expect(stepMatch(matches, -1, 1)).toBe(0);
    expect(stepMatch(matches, -1, -1)).toBe(2);
    expect(stepMatch(new Int32Array(0), -1, 1)).toBe(-1);
  });
});

describe('matchLabel', () => {
  it('says where the current match is, or how many there are', () => {
    expect(matchLabel(1, 17)).toBe('2 of 17');
    expect(matchLabel(-1, 1)).toBe('1 match');
    expect(matchLabel(-1, 4)).toBe('4 matches');
    expect(matchLabel(-1, 0)).toBe('no matches');
  });
});
