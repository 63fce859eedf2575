import { z } from 'zod';
import type { ConfigFailureCode } from '@/config/loadConfig';
import { THEME_VALUES } from '@/config/schema';

/**
 * The message set an embedding host and the app exchange with `window.postMessage`.
 * Every message is a plain object with a `type`; the fields sit beside it. The protocol
 * version changes only when a message changes incompatibly.
 */
export const PROTOCOL_VERSION = 1;

export const MESSAGE_PREFIX = 'observatory:';

/** Variable names as the PromQL templates spell them (`$agent`, `${agent}`). */
const variableName = z.string().regex(/^[a-zA-Z]\w{0,63}$/, 'must be a name such as "agent"');
const variableValue = z.string().max(1_000);

/**
 * A bearer token goes into an HTTP header: visible ASCII only, so it cannot smuggle in another
 * header line, and bounded like any header.
 */
const bearerToken = z
  .string()
  .min(1, 'must not be empty (send null to clear it)')
  .max(8_192, 'is longer than 8192 characters')
  .regex(/^[\x21-\x7E]+$/, 'must be visible ASCII without spaces');

const timeExpression = z.string().trim().min(1, 'must not be empty').max(100);

export const setThemeMessage = z.object({
  type: z.literal('observatory:set-theme'),
  theme: z.enum(THEME_VALUES),
});

export const setTimeRangeMessage = z.object({
  type: z.literal('observatory:set-time-range'),
  from: timeExpression,
  to: timeExpression,
});

export const setVariablesMessage = z.object({
  type: z.literal('observatory:set-variables'),
  variables: z
    .record(variableName, z.union([variableValue, z.array(variableValue).max(100)]))
    .refine((v) => Object.keys(v).length <= 50, 'sets at most 50 variables at once'),
});

export const setAuthMessage = z.object({
  type: z.literal('observatory:set-auth'),
  token: bearerToken.nullable(),
});

/** Asks the app to announce itself again (it answers with ready, state and resize). */
export const helloMessage = z.object({ type: z.literal('observatory:hello') });

export const inboundMessageSchema = z.discriminatedUnion('type', [
  setThemeMessage,
  setTimeRangeMessage,
  setVariablesMessage,
  setAuthMessage,
  helloMessage,
]);

export type InboundMessage = z.infer<typeof inboundMessageSchema>;
export type InboundMessageType = InboundMessage['type'];

export type ThemeName = (typeof THEME_VALUES)[number];

/** Why the app could not start (see app/startupFailure.ts and docs/embedding.md). */
export type StartupErrorCode =
  ConfigFailureCode | 'demo-unavailable' | 'code-timeout' | 'code-unavailable' | 'new-version';

export type ErrorCode = 'invalid-message' | 'invalid-time-range' | StartupErrorCode;

/** Messages the app sends to its host. */
export type ReadyMessage = {
  type: 'observatory:ready';
  /** The app's own version (package.json). */
  version: string;
  protocol: typeof PROTOCOL_VERSION;
};

export type ResizeMessage = {
  type: 'observatory:resize';
  /** Height of the app's content in CSS pixels. */
  height: number;
};

export type StateMessage = {
  type: 'observatory:state';
  /** Path of the current view inside the app, e.g. `/health` or `/embed/panel/health.throughput`. */
  route: string;
  range: {
    from: string;
    to: string;
    /** Both ends in epoch milliseconds. */
    resolved: { from: number; to: number };
  };
  variables: Record<string, string[]>;
  theme: ThemeName;
  /** What `system` turned into, or the chosen theme. */
  resolvedTheme: 'light' | 'dark';
};

export type ErrorMessage = {
  type: 'observatory:error';
  code: ErrorCode;
  /** The type of the message that was refused, when it had one. */
  request: string | null;
  message: string;
};

export type OutboundMessage = ReadyMessage | ResizeMessage | StateMessage | ErrorMessage;
export type OutboundMessageType = OutboundMessage['type'];

export type ParsedInbound =
  | { kind: 'message'; message: InboundMessage }
  /** Ours (an `observatory:` type) but malformed: worth telling the host why. */
  | { kind: 'malformed'; request: string; problems: string }
  /** Not an Observatory message at all (another library's traffic on the same window). */
  | { kind: 'foreign' };

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  // Paths and messages only: the refused value (a token, say) is never echoed back.
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** Validates what arrived in a MessageEvent's `data`. Never throws. */
export function parseInboundMessage(data: unknown): ParsedInbound {
  const type =
    typeof data === 'object' && data !== null && 'type' in data
      ? (data as { type: unknown }).type
      : undefined;
  if (typeof type !== 'string' || !type.startsWith(MESSAGE_PREFIX)) return { kind: 'foreign' };
  const parsed = inboundMessageSchema.safeParse(data);
  if (parsed.success) return { kind: 'message', message: parsed.data };
  return {
    kind: 'malformed',
    request: type.slice(0, 100),
    problems: describeIssues(parsed.error.issues),
  };
}
