import { describe, expect, it } from 'vitest';
import { resolveThemePreference } from './theme';

describe('resolveThemePreference', () => {
  it('lets the URL win over the saved choice and the default', () => {
    expect(resolveThemePreference('dark', 'light', 'system')).toBe('dark');
  });
  it('uses the saved choice when the URL has none or an invalid one', () => {
    expect(resolveThemePreference(null, 'light', 'system')).toBe('light');
    expect(resolveThemePreference('purple', 'light', 'system')).toBe('light');
  });
  it('falls back to the configured default (system follows the OS)', () => {
    expect(resolveThemePreference(null, null, 'system')).toBe('system');
  });
});
