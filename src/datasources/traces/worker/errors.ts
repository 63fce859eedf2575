import { DataSourceError, type DataSourceErrorInit } from '@/datasources/http';

/** A failed load as it crosses between the workers and the page (structured-clone safe). */
export type TraceLoadErrorInfo = Omit<DataSourceErrorInit, 'cause'>;

/** Failures of a trace load are `DataSourceError`s, as every other request's. */
export function loadError(kind: TraceLoadErrorInfo['kind'], message: string): DataSourceError {
  return new DataSourceError({ kind, message });
}

export function cancelled(message = 'Loading the trace was cancelled.'): DataSourceError {
  return loadError('aborted', message);
}

export function toErrorInfo(error: unknown): TraceLoadErrorInfo {
  if (error instanceof DataSourceError) {
    const { kind, message, url, status, source, serverMessage } = error;
    return { kind, message, url, status, source, serverMessage };
  }
  if (error instanceof Error && error.name === 'AbortError') return { ...cancelled() };
  if (error instanceof Error && error.name === 'TraceFormatError') {
    return { kind: 'schema', message: error.message };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return { kind: 'internal', message: `The trace could not be read: ${reason}` };
}

export function fromErrorInfo(info: TraceLoadErrorInfo): DataSourceError {
  return new DataSourceError(info);
}
