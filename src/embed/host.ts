/**
 * A typed helper for pages that embed Observatory in an iframe. It has no dependencies and
 * imports only types, so a host can copy this file (or its compiled JavaScript) as it is.
 *
 *   const observatory = connectObservatory(iframe, { origin: 'https://observatory.example.com' });
 *   observatory.autoResize();
 *   observatory.setTheme('dark');
 *   observatory.setAuth(token);
 */
import type {
  ErrorMessage,
  InboundMessage,
  OutboundMessage,
  OutboundMessageType,
  ReadyMessage,
  ResizeMessage,
  StateMessage,
  ThemeName,
} from './protocol';

export type { ErrorMessage, OutboundMessage, ReadyMessage, ResizeMessage, StateMessage, ThemeName };

type MessageOf<T extends OutboundMessageType> = Extract<OutboundMessage, { type: T }>;
type Handler<T extends OutboundMessageType> = (message: MessageOf<T>) => void;

export type ObservatoryConnection = {
  setTheme(theme: ThemeName): void;
  /** Grafana-style expressions (`now-6h`, `now`), ISO dates or epoch milliseconds. */
  setTimeRange(from: string, to: string): void;
  /** Sets the listed variables; an empty list clears one. Others stay as they are. */
  setVariables(variables: Record<string, string | string[]>): void;
  /** Hands over a bearer token (null clears it). The app keeps it in memory only. */
  setAuth(token: string | null): void;
  /** Subscribes to one message type; returns the unsubscribe function. */
  on<T extends OutboundMessageType>(type: T, handler: Handler<T>): () => void;
  /** Sets the iframe's height to the app's content height on every resize message. */
  autoResize(): () => void;
  dispose(): void;
};

export type ConnectOptions = {
  /** The app's origin, e.g. `https://observatory.example.com`. Messages go only there. */
  origin: string;
  /** How often to ask the app to announce itself until it does (ms). */
  helloIntervalMs?: number;
};

const HELLO_ATTEMPTS = 40;

function isOutboundMessage(data: unknown): data is OutboundMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string' &&
    (data as { type: string }).type.startsWith('observatory:')
  );
}

/**
 * Connects to the Observatory app in `iframe`. Commands sent before the app is ready wait for
 * it; the latest command of each kind is sent again whenever the app (re)starts, so a reload
 * inside the iframe keeps the theme, range, variables and token.
 */
export function connectObservatory(
  iframe: HTMLIFrameElement,
  { origin, helloIntervalMs = 250 }: ConnectOptions,
): ObservatoryConnection {
  const targetOrigin = new URL(origin).origin;
  const handlers = new Map<OutboundMessageType, Set<(message: OutboundMessage) => void>>();
  const latest = new Map<InboundMessage['type'], InboundMessage>();
  let ready = false;
  let helloTimer: ReturnType<typeof setInterval> | undefined;

  const post = (message: InboundMessage) =>
    iframe.contentWindow?.postMessage(message, targetOrigin);

  const send = (message: InboundMessage) => {
    const previous = latest.get(message.type);
    // Variables accumulate, so a restart gets every one set so far, not only the last call's.
    const kept =
      message.type === 'observatory:set-variables' && previous?.type === message.type
        ? { ...message, variables: { ...previous.variables, ...message.variables } }
        : message;
    latest.set(message.type, kept);
    if (ready) post(message);
  };

  /**
   * Whether the frame may show the app yet. Before the app loads it holds about:blank, and
   * posting to a document of another origin makes the browser log an error.
   */
  const frameMayHoldApp = (): boolean => {
    try {
      const doc = iframe.contentDocument;
      return doc === null || doc.location.origin === targetOrigin;
    } catch {
      return true;
    }
  };

  const hello = () => {
    if (frameMayHoldApp()) post({ type: 'observatory:hello' });
  };

  const stopHello = () => {
    clearInterval(helloTimer);
    helloTimer = undefined;
  };

  // The app announces itself when it starts. Asking again covers a host whose referrer policy
  // hides its origin from the app, and a helper created after the app announced itself.
  const startHello = () => {
    stopHello();
    let attempts = 0;
    hello();
    helloTimer = setInterval(() => {
      attempts += 1;
      if (ready || attempts >= HELLO_ATTEMPTS) stopHello();
      else hello();
    }, helloIntervalMs);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.origin !== targetOrigin || event.source !== iframe.contentWindow) return;
    if (!isOutboundMessage(event.data)) return;
    const message = event.data;
    if (message.type === 'observatory:ready') {
      ready = true;
      stopHello();
      for (const pending of latest.values()) post(pending);
    }
    for (const handler of handlers.get(message.type) ?? []) handler(message);
  };

  const onLoad = () => {
    ready = false;
    startHello();
  };

  window.addEventListener('message', onMessage);
  iframe.addEventListener('load', onLoad);
  startHello();

  const on = <T extends OutboundMessageType>(type: T, handler: Handler<T>) => {
    const set = handlers.get(type) ?? new Set();
    const wrapped = handler as (message: OutboundMessage) => void;
    set.add(wrapped);
    handlers.set(type, set);
    return () => {
      set.delete(wrapped);
    };
  };

  return {
    setTheme: (theme) => send({ type: 'observatory:set-theme', theme }),
    setTimeRange: (from, to) => send({ type: 'observatory:set-time-range', from, to }),
    setVariables: (variables) => send({ type: 'observatory:set-variables', variables }),
    setAuth: (token) => send({ type: 'observatory:set-auth', token }),
    on,
    autoResize: () =>
      on('observatory:resize', ({ height }) => {
        iframe.style.height = `${height}px`;
      }),
    dispose: () => {
      stopHello();
      window.removeEventListener('message', onMessage);
      iframe.removeEventListener('load', onLoad);
      handlers.clear();
      latest.clear();
    },
  };
}
