import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { PromFrame, promQueryOptions } from './panelQuery';

type FrameOptions = ReturnType<typeof promQueryOptions>;

/**
 * Several panel queries read as one: each is fetched through the cache, so a query another
 * panel on the page already sent is not sent again.
 */
export function combinedFramesQueryOptions(
  queryClient: QueryClient,
  name: string,
  parts: FrameOptions[],
) {
  return queryOptions({
    queryKey: ['combined', name, ...parts.map((p) => p.queryKey)],
    queryFn: (): Promise<PromFrame[]> => Promise.all(parts.map((p) => queryClient.fetchQuery(p))),
  });
}

/**
 * Puts the frames of a combined query back beside the panels asked for: the frame of each
 * ready panel, in order, and null for a panel that sent no query.
 */
export function alignFrames<S extends { kind: string }>(
  states: readonly S[],
  frames: readonly PromFrame[],
): Array<PromFrame | null> {
  let next = 0;
  return states.map((s) => (s.kind === 'ready' ? (frames[next++] ?? null) : null));
}
