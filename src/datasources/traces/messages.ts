/** What a backend's 404 for one trace means, in the words the trace view and compare page use. */
export function traceNotFoundMessage(
  traceId: string,
  backend: string | undefined,
  detail: string,
): string {
  const where = backend ? ` in ${backend}` : '';
  return `Trace ${traceId} was not found${where} (${detail}). It may be older than the backend keeps traces, or the id may be mistyped.`;
}
