/** Ids of traces opened from files in this tab; never sent to a backend. */
export const LOCAL_TRACE_PREFIX = 'local-';

export function isLocalTraceId(id: string): boolean {
  return id.startsWith(LOCAL_TRACE_PREFIX);
}
