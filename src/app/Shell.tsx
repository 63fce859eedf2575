import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useSearchParams } from 'react-router';
import { ConnectionIndicator } from '@/components/controls/ConnectionIndicator';
import { CopyLinkButton } from '@/components/controls/CopyLinkButton';
import { SelectControl } from '@/components/controls/SelectControl';
import { ShortcutsDialog } from '@/components/controls/ShortcutsDialog';
import { TimeRangePicker } from '@/components/controls/TimeRangePicker';
import { useConfig } from '@/config/ConfigContext';
import { REFRESH_VALUES } from '@/config/schema';
import { carrySessionParams } from '@/lib/sessionParams';
import { refreshToMs } from '@/lib/time';
import { useNowStore } from '@/state/nowStore';
import { useTheme, type ThemePreference } from '@/state/theme';
import { useTimeRange } from '@/state/urlState';
import { isTypingTarget, readShortcut } from './keyboardShortcuts';

export const NAV_ITEMS = [
  { to: '/health', label: 'Health' },
  { to: '/agents', label: 'Agents' },
  { to: '/errors', label: 'Errors' },
  { to: '/resources', label: 'Resources' },
  { to: '/traces', label: 'Traces' },
  { to: '/executions', label: 'Executions' },
] as const;

/** Navigation links keep the shared state (range, refresh, theme, tz, variables) across views. */
function carriedSearch(params: URLSearchParams): string {
  const s = carrySessionParams(params, { variables: true }).toString();
  return s ? `?${s}` : '';
}

export function Shell() {
  const config = useConfig();
  const [params] = useSearchParams();
  const time = useTimeRange();
  const theme = useTheme();
  const tick = useNowStore((s) => s.tick);
  const queryClient = useQueryClient();
  const [helpOpen, setHelpOpen] = useState(false);
  const pending = useRef<string | null>(null);
  const embed = params.get('embed') === '1';
  const showControls = !(embed && params.get('controls') === '0');

  const refreshNow = useCallback(() => {
    tick();
    void queryClient.invalidateQueries();
  }, [tick, queryClient]);

  useEffect(() => {
    const ms = refreshToMs(time.refresh);
    if (ms === null) return;
    const id = window.setInterval(tick, ms);
    return () => window.clearInterval(id);
  }, [time.refresh, tick]);

  const { shift, zoomOut } = time;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const { action, pending: next } = readShortcut(e.key, pending.current);
      pending.current = next;
      if (action === 'shift-back') shift(-1);
      else if (action === 'shift-forward') shift(1);
      else if (action === 'zoom-out') zoomOut();
      else if (action === 'refresh') refreshNow();
      else if (action === 'help') setHelpOpen(true);
      if (action) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shift, zoomOut, refreshNow]);

  const search = carriedSearch(params);

  return (
    // Embedded, the page is as tall as its content, so an auto-height iframe can also shrink.
    <div
      className={`flex flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100 ${embed ? '' : 'min-h-screen'}`}
    >
      <a href="#main" className="sr-only focus:not-sr-only">
        Skip to content
      </a>
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95">
        <div className="flex flex-wrap items-center gap-2 px-3 py-2">
          {!embed && (
            <span className="mr-2 flex items-center gap-2 font-semibold">
              <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" className="h-5 w-5" />
              {config.title}
              {config.demo && (
                <span className="rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-800 dark:bg-violet-900 dark:text-violet-200">
                  Demo data
                </span>
              )}
            </span>
          )}
          {showControls && (
            <div className="ml-auto flex flex-wrap items-center gap-2">
              <TimeRangePicker
                raw={time.raw}
                range={time.range}
                tz={time.tz}
                onChange={time.setRaw}
                onShift={time.shift}
                onZoomOut={time.zoomOut}
              />
              <div className="flex items-center">
                <button
                  type="button"
                  className="btn rounded-r-none"
                  onClick={refreshNow}
                  aria-label="Refresh now"
                  title="Refresh now (r)"
                >
                  ⟳
                </button>
                <SelectControl
                  label="Auto refresh"
                  value={time.refresh}
                  testId="refresh-picker"
                  options={REFRESH_VALUES.map((v) => ({
                    value: v,
                    label: v === 'off' ? 'Off' : v,
                  }))}
                  onChange={time.setRefresh}
                />
              </div>
              <SelectControl
                label="Time zone"
                value={time.tz}
                testId="tz-picker"
                options={[
                  { value: 'browser', label: 'Browser' },
                  { value: 'utc', label: 'UTC' },
                ]}
                onChange={time.setTz}
              />
              <SelectControl<ThemePreference>
                label="Theme"
                value={theme.preference}
                testId="theme-picker"
                options={[
                  { value: 'system', label: 'System' },
                  { value: 'light', label: 'Light' },
                  { value: 'dark', label: 'Dark' },
                ]}
                onChange={theme.setPreference}
              />
              <CopyLinkButton range={time.range} />
              <button
                type="button"
                className="btn"
                aria-label="Keyboard shortcuts"
                onClick={() => setHelpOpen(true)}
              >
                ?
              </button>
            </div>
          )}
          <div className={showControls ? '' : 'ml-auto'}>
            <ConnectionIndicator />
          </div>
        </div>
        {!embed && (
          <nav aria-label="Main" className="flex gap-1 overflow-x-auto px-3">
            {NAV_ITEMS.map((item) => (
              <NavLink
                key={item.to}
                to={{ pathname: item.to, search }}
                className={({ isActive }) =>
                  `border-b-2 px-3 py-1.5 text-sm whitespace-nowrap ${isActive ? 'border-sky-600 font-medium text-sky-800 dark:border-sky-400 dark:text-sky-300' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'}`
                }
              >
                {item.label}
              </NavLink>
            ))}
          </nav>
        )}
        {time.error && (
          <p
            role="alert"
            className="bg-amber-50 px-3 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            {time.error}
          </p>
        )}
      </header>
      <main id="main" className="flex-1 p-3">
        <Outlet />
      </main>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
