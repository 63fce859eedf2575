import { describe, expect, it } from 'vitest';
import { labelValueMatcher } from './labelValueSearch';

describe('labelValueMatcher', () => {
  it('does not search below three characters', () => {
    expect(labelValueMatcher('agent', 'pl')).toBeNull();
    expect(labelValueMatcher('agent', '  pl  ')).toBeNull();
  });

  it('builds a case-insensitive contains-regex with the text escaped', () => {
    expect(labelValueMatcher('agent', 'plan')).toBe('{agent=~"(?i).*plan.*"}');
    expect(labelValueMatcher('model', 'gpt-4.1')).toBe('{model=~"(?i).*gpt-4\\\\.1.*"}');
  });
});
