import type { z } from 'zod';
import { MAX_MESSAGE_BYTES, serverMessageSchema, type ServerMessage } from './schema';

export type InvalidReason =
  'oversized' | 'binary' | 'not-json' | 'schema' | 'unexpected-type' | 'wrong-stream';

export type DecodeResult =
  { ok: true; message: ServerMessage } | { ok: false; reason: InvalidReason; detail: string };

const utf8 = new TextEncoder();
const textDecoder = new TextDecoder();

/** UTF-8 length without encoding when the string is clearly small or clearly large. */
function exceedsLimit(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return utf8.encode(text).byteLength > limit;
}

// Frames may come from another realm (a worker, jsdom), where instanceof ArrayBuffer fails.
function isArrayBuffer(raw: unknown): raw is ArrayBuffer {
  return Object.prototype.toString.call(raw) === '[object ArrayBuffer]';
}

function frameText(raw: unknown): string | null {
  if (typeof raw === 'string') return raw;
  if (isArrayBuffer(raw) || ArrayBuffer.isView(raw)) return textDecoder.decode(raw);
  return null;
}

function byteLength(raw: unknown): number {
  if (isArrayBuffer(raw) || ArrayBuffer.isView(raw)) return raw.byteLength;
  return 0;
}

export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return `${path}: ${issue.message}`;
}

/**
 * Turns one inbound frame (WebSocket or SSE data) into a validated message. Size is checked
 * before parsing so an oversized frame never reaches JSON.parse.
 */
export function decodeFrame(raw: unknown, maxBytes = MAX_MESSAGE_BYTES): DecodeResult {
  if (byteLength(raw) > maxBytes) {
    return { ok: false, reason: 'oversized', detail: `${byteLength(raw)} bytes > ${maxBytes}` };
  }
  const text = frameText(raw);
  if (text === null) {
    return { ok: false, reason: 'binary', detail: `unsupported frame type ${typeof raw}` };
  }
  if (exceedsLimit(text, maxBytes)) {
    return { ok: false, reason: 'oversized', detail: `frame larger than ${maxBytes} bytes` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json', detail: `not JSON: ${text.slice(0, 40)}` };
  }
  const parsed = serverMessageSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'schema', detail: describeIssues(parsed.error) };
  return { ok: true, message: parsed.data };
}

/** Logs the first occurrence of each reason only, so a misbehaving server cannot flood the console. */
export function createWarnOnce(prefix: string, warn: (message: string) => void = console.warn) {
  const seen = new Set<InvalidReason>();
  return (reason: InvalidReason, detail: string) => {
    if (seen.has(reason)) return;
    seen.add(reason);
    warn(`${prefix}: dropped ${reason} message (${detail}); further ones are only counted`);
  };
}
