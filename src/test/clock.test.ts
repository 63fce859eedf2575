import { TEST_EPOCH } from './clock';

describe('the test clock', () => {
  it('starts every test file at the same instant and runs at the real pace', async () => {
    const start = Date.now();
    expect(start - TEST_EPOCH).toBeGreaterThanOrEqual(0);
    expect(start - TEST_EPOCH).toBeLessThan(60_000);
    expect(new Date().getTime()).toBeGreaterThanOrEqual(start);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Date.now() - start).toBeGreaterThanOrEqual(15);
    // Dates built from a value are untouched.
    expect(new Date(0).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(new Date('2026-01-01T00:00:00Z').getTime()).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });
});
