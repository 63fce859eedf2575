import { chooseTargetOrigin, isAllowedOrigin } from './origins';
import { parseInboundMessage, type InboundMessage, type OutboundMessage } from './protocol';

/** What happened to the messages the app received; read by tests and support engineers. */
export type EmbedStats = {
  /** Valid messages from an allowed origin, obeyed. */
  accepted: number;
  /** Messages from an origin not in `embed.allowedOrigins`, ignored. */
  rejectedOrigin: number;
  /** Messages from an allowed origin that failed validation, ignored. */
  invalid: number;
  /** Messages from a window other than the embedding page (the app itself, child frames). */
  foreignSource: number;
  /** Messages the app posted to its host. */
  posted: number;
};

export const emptyStats = (): EmbedStats => ({
  accepted: 0,
  rejectedOrigin: 0,
  invalid: 0,
  foreignSource: 0,
  posted: 0,
});

/** The part of a MessageEvent the channel reads. */
export type InboundEvent = Pick<MessageEvent, 'origin' | 'source' | 'data'>;

/** The embedding window, as far as the channel needs it. */
export type HostWindow = {
  postMessage(message: unknown, targetOrigin: string): void;
};

export type EmbedChannel = {
  /**
   * Filters, counts and validates one event. Returns the message to obey, or null when it is
   * to be ignored. A malformed Observatory message is answered with `observatory:error`.
   */
  receive(event: InboundEvent): InboundMessage | null;
  /** Posts to the host's origin; false (and nothing sent) while that origin is unknown. */
  post(message: OutboundMessage): boolean;
  targetOrigin(): string | null;
  readonly stats: EmbedStats;
};

/**
 * The transport between the app and the page that embeds it. Plain TypeScript: the React
 * bridge decides what a message does, this decides whether it is heard and where replies go.
 */
export function createEmbedChannel({
  host,
  referrer,
  allowedOrigins,
  stats = emptyStats(),
}: {
  host: HostWindow;
  referrer: string;
  allowedOrigins: readonly string[];
  stats?: EmbedStats;
}): EmbedChannel {
  let firstValidOrigin: string | null = null;
  const targetOrigin = () => chooseTargetOrigin({ referrer, allowedOrigins, firstValidOrigin });

  const post = (message: OutboundMessage): boolean => {
    const origin = targetOrigin();
    if (origin === null) return false;
    host.postMessage(message, origin);
    stats.posted += 1;
    return true;
  };

  const receive = (event: InboundEvent): InboundMessage | null => {
    if (event.source !== host) {
      stats.foreignSource += 1;
      return null;
    }
    if (!isAllowedOrigin(event.origin, allowedOrigins)) {
      stats.rejectedOrigin += 1;
      return null;
    }
    const parsed = parseInboundMessage(event.data);
    if (parsed.kind !== 'message') {
      stats.invalid += 1;
      if (parsed.kind === 'malformed') {
        post({
          type: 'observatory:error',
          code: 'invalid-message',
          request: parsed.request,
          message: parsed.problems,
        });
      }
      return null;
    }
    firstValidOrigin ??= event.origin;
    stats.accepted += 1;
    return parsed.message;
  };

  return { receive, post, targetOrigin, stats };
}
