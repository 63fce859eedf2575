import type { TraceLoadErrorInfo, TraceLoadErrorKind } from './protocol';

/** A failed trace load, with a message written for the user. Crosses the worker as its info. */
export class TraceLoadError extends Error {
  readonly kind: TraceLoadErrorKind;
  readonly status?: number;
  readonly url?: string;

  constructor(info: TraceLoadErrorInfo) {
    super(info.message);
    this.name = 'TraceLoadError';
    this.kind = info.kind;
    this.status = info.status;
    this.url = info.url;
  }

  toInfo(): TraceLoadErrorInfo {
    return { kind: this.kind, message: this.message, status: this.status, url: this.url };
  }
}

export function toErrorInfo(error: unknown): TraceLoadErrorInfo {
  if (error instanceof TraceLoadError) return error.toInfo();
  if (error instanceof Error && error.name === 'AbortError') {
    return { kind: 'aborted', message: 'Loading the trace was cancelled.' };
  }
  if (error instanceof Error && error.name === 'TraceFormatError') {
    return { kind: 'format', message: error.message };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return { kind: 'internal', message: `The trace could not be read: ${reason}` };
}
