import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useConfig } from '@/config/ConfigContext';
import { THEME_VALUES } from '@/config/schema';
import { useUrlParams } from './useUrlParams';

export type ThemePreference = (typeof THEME_VALUES)[number];
export type ResolvedTheme = 'light' | 'dark';

const STORAGE_KEY = 'observatory.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function readSaved(): ThemePreference | null {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return (THEME_VALUES as readonly string[]).includes(saved ?? '')
      ? (saved as ThemePreference)
      : null;
  } catch {
    return null; // storage can be blocked in third-party iframes
  }
}

function subscribeOs(onChange: () => void) {
  const media = window.matchMedia?.(DARK_QUERY);
  media?.addEventListener('change', onChange);
  return () => media?.removeEventListener('change', onChange);
}
const osPrefersDark = () => window.matchMedia?.(DARK_QUERY).matches ?? false;

/** Picks the theme: URL parameter, then the saved choice, then the config default / OS. */
export function resolveThemePreference(
  urlValue: string | null,
  saved: ThemePreference | null,
  fallback: ThemePreference,
): ThemePreference {
  if ((THEME_VALUES as readonly string[]).includes(urlValue ?? ''))
    return urlValue as ThemePreference;
  return saved ?? fallback;
}

export function useTheme() {
  const { params, update } = useUrlParams();
  const config = useConfig();
  const prefersDark = useSyncExternalStore(subscribeOs, osPrefersDark, () => false);
  const preference = resolveThemePreference(
    params.get('theme'),
    readSaved(),
    config.defaults.theme,
  );
  const resolved: ResolvedTheme =
    preference === 'system' ? (prefersDark ? 'dark' : 'light') : preference;

  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('dark', resolved === 'dark');
    root.style.colorScheme = resolved;
  }, [resolved]);

  const setPreference = useCallback(
    (value: ThemePreference) => {
      try {
        window.localStorage.setItem(STORAGE_KEY, value);
      } catch {
        // not persisted; the URL still carries it
      }
      update((next) => next.set('theme', value), { replace: true });
    },
    [update],
  );

  return { preference, resolved, setPreference };
}
