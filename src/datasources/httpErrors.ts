/**
 * The errors every data-source request ends in, and reading a server's own words out of an
 * error body. Split from http.ts, which re-exports all of it.
 */

/** `internal`: this app failed reading an answer (a bug), not the backend. */
export type DataSourceErrorKind =
  'network' | 'timeout' | 'aborted' | 'http' | 'parse' | 'api' | 'schema' | 'internal';

export interface DataSourceErrorInit {
  kind: DataSourceErrorKind;
  message: string;
  /** Absent for what is not a request's failure (a trace file, an internal error). */
  url?: string;
  status?: number;
  source?: string;
  serverMessage?: string;
  /** Machine-readable error class from the server, e.g. Prometheus' `bad_data`. */
  errorType?: string;
  cause?: unknown;
}

export class DataSourceError extends Error {
  readonly kind: DataSourceErrorKind;
  readonly url?: string;
  readonly status?: number;
  readonly source?: string;
  readonly serverMessage?: string;
  readonly errorType?: string;

  constructor(init: DataSourceErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'DataSourceError';
    this.kind = init.kind;
    this.url = init.url;
    this.status = init.status;
    this.source = init.source;
    this.serverMessage = init.serverMessage;
    this.errorType = init.errorType;
  }
}

/**
 * True for a request the caller cancelled (component unmounted, query superseded), which UI
 * code should ignore. A timeout is not an abort: the user needs to see it.
 */
export function isAbortError(error: unknown): boolean {
  if (error instanceof DataSourceError) return error.kind === 'aborted';
  // `instanceof DOMException` fails across realms (jsdom vs Node), so compare the name.
  return error instanceof Error && error.name === 'AbortError';
}

/** How much of a non-JSON body goes into a message: enough to recognise, short enough to read. */
export const BODY_SNIPPET_CHARS = 300;

export interface ServerMessage {
  message: string;
  errorType?: string;
}

/**
 * Pulls the human-readable message out of an error body. Knows Prometheus
 * (`{status, errorType, error}`), Jaeger (`{errors: [{code, msg}]}`) and the common
 * `{message}` / `{error: string | {message}}` shapes; anything else is shown as text.
 */
export function extractServerMessage(
  text: string,
  contentType: string | null,
): ServerMessage | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const fromJson = messageFromJson(trimmed);
  if (fromJson) return fromJson;
  const looksLikeHtml = contentType?.includes('html') === true || trimmed.startsWith('<');
  const plain = looksLikeHtml ? htmlToText(trimmed) : trimmed;
  return plain === '' ? undefined : { message: snippet(plain) };
}

function messageFromJson(text: string): ServerMessage | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(body)) return undefined;
  const { error, errorType, errors, message } = body;
  if (typeof error === 'string' && typeof errorType === 'string' && errorType !== '') {
    return { message: `${errorType}: ${error}`, errorType };
  }
  if (Array.isArray(errors)) {
    const messages = errors
      .map((e) => (isRecord(e) && typeof e.msg === 'string' ? e.msg : undefined))
      .filter((m): m is string => m !== undefined && m !== '');
    if (messages.length > 0) return { message: snippet(messages.join('; ')) };
  }
  if (typeof message === 'string' && message !== '') return { message: snippet(message) };
  if (typeof error === 'string' && error !== '') return { message: snippet(error) };
  if (isRecord(error) && typeof error.message === 'string') {
    return { message: snippet(error.message) };
  }
  return undefined;
}

/** Reduces an HTML error page (a proxy's 502 page, say) to its title or its visible words. */
function htmlToText(html: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
  if (title) return title;
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > BODY_SNIPPET_CHARS ? `${flat.slice(0, BODY_SNIPPET_CHARS)}…` : flat;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

export function subject(source: string | undefined): string {
  return source ?? 'the server';
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
