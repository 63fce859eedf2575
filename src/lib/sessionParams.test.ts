import { describe, expect, it } from 'vitest';
import { carrySessionParams } from './sessionParams';

describe('carrySessionParams', () => {
  const current = new URLSearchParams(
    'from=now-6h&to=now&var-agent=a&var-agent=b&traceId=x&demo=1',
  );

  it('keeps range, mode and, when asked, every variable value', () => {
    expect(carrySessionParams(current, { variables: true }).toString()).toBe(
      'from=now-6h&to=now&var-agent=a&var-agent=b&demo=1',
    );
  });

  it('drops variables when the target view does not share them', () => {
    expect(carrySessionParams(current, { variables: false }).toString()).toBe(
      'from=now-6h&to=now&demo=1',
    );
  });
});
