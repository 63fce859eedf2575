import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useAuthStore } from '@/state/authStore';
import { useTheme } from '@/state/theme';
import { useTimeRange, useVariables } from '@/state/urlState';
import { version as APP_VERSION } from '../../package.json';
import { createEmbedChannel, type EmbedStats, type HostWindow } from './channel';
import { contentHeight, createHeightReporter } from './heightReporter';
import {
  buildStateMessage,
  checkHostTimeRange,
  sameValues,
  timeRangeError,
  variableValues,
} from './hostCommands';
import { PROTOCOL_VERSION, type InboundMessage, type StateMessage } from './protocol';

declare global {
  interface Window {
    /** Message counters, present only while the app runs inside an iframe. */
    __observatoryEmbedStats?: Readonly<EmbedStats>;
  }
}

type Props = {
  /** The embedding window (`window.parent`). */
  host: HostWindow;
  /** `document.referrer`: the embedding page's address, when its referrer policy allows. */
  referrer: string;
  allowedOrigins: readonly string[];
  resizeDelayMs?: number;
};

/**
 * Talks to the page that embeds the app. Host commands go through the same URL-state setters
 * the header uses, so the URL stays the state; the app reports its state and content height
 * back, to the host's origin only.
 */
export function EmbedBridge({ host, referrer, allowedOrigins, resizeDelayMs }: Props) {
  const theme = useTheme();
  const time = useTimeRange();
  const { variables, setVariable } = useVariables();
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  const [channel] = useState(() => createEmbedChannel({ host, referrer, allowedOrigins }));
  const readySent = useRef(false);

  const state = useMemo(
    () =>
      buildStateMessage({
        route: pathname,
        raw: time.raw,
        range: time.range,
        variables,
        theme: theme.preference,
        resolvedTheme: theme.resolved,
      }),
    [pathname, time.raw, time.range, variables, theme.preference, theme.resolved],
  );

  // Handlers run outside render and must see the setters of the latest location.
  const latest = useRef({ theme, time, variables, setVariable, state });
  useEffect(() => {
    latest.current = { theme, time, variables, setVariable, state };
  });

  const [reporter] = useState(() =>
    createHeightReporter((height) => channel.post({ type: 'observatory:resize', height }), {
      delayMs: resizeDelayMs,
    }),
  );

  const lastStateSent = useRef<string | null>(null);
  const postState = useCallback(
    (message: StateMessage, force: boolean) => {
      const json = JSON.stringify(message);
      if (!force && json === lastStateSent.current) return;
      if (channel.post(message)) lastStateSent.current = json;
    },
    [channel],
  );

  /** Ready, state and height: once when the host becomes known, and on every hello. */
  const announce = useCallback(
    (force: boolean) => {
      if (channel.targetOrigin() === null) return;
      if (readySent.current && !force) return;
      readySent.current = channel.post({
        type: 'observatory:ready',
        version: APP_VERSION,
        protocol: PROTOCOL_VERSION,
      });
      postState(latest.current.state, true);
      reporter.sendNow(contentHeight());
    },
    [channel, reporter, postState],
  );

  useEffect(() => {
    window.__observatoryEmbedStats = channel.stats;
    return () => {
      delete window.__observatoryEmbedStats;
    };
  }, [channel]);

  useEffect(() => {
    // A command that changes nothing does not navigate: hosts repeat commands after a reload.
    const apply = (message: InboundMessage) => {
      const { theme, time, variables, setVariable } = latest.current;
      switch (message.type) {
        case 'observatory:set-theme':
          if (message.theme !== theme.preference) theme.setPreference(message.theme);
          return;
        case 'observatory:set-time-range': {
          const raw = { from: message.from, to: message.to };
          const checked = checkHostTimeRange(raw, Date.now(), time.tz);
          if (!checked.ok) channel.post(timeRangeError(raw, checked.error));
          else if (raw.from !== time.raw.from || raw.to !== time.raw.to) time.setRaw(raw);
          return;
        }
        case 'observatory:set-variables':
          for (const [name, value] of Object.entries(message.variables)) {
            const values = variableValues(value);
            if (!sameValues(values, variables[name] ?? [])) setVariable(name, values);
          }
          return;
        case 'observatory:set-auth':
          if (message.token === useAuthStore.getState().token) return;
          useAuthStore.getState().setToken(message.token);
          // Panels that failed without the token (401) or ran with an old one read again.
          void queryClient.invalidateQueries();
          return;
        case 'observatory:hello':
          announce(true);
          return;
      }
    };
    const onMessage = (event: MessageEvent) => {
      const message = channel.receive(event);
      if (message === null) return;
      apply(message);
      // The first valid message is how a host without a referrer becomes known.
      announce(false);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [channel, queryClient, announce]);

  useEffect(() => {
    announce(false);
  }, [announce]);

  useEffect(() => {
    if (readySent.current) postState(state, false);
  }, [state, postState]);

  useEffect(() => {
    const root = document.documentElement;
    const observer = new ResizeObserver(() => reporter.measure(contentHeight()));
    observer.observe(root);
    return () => {
      observer.disconnect();
      reporter.dispose();
    };
  }, [reporter]);

  return null;
}
