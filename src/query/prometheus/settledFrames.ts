import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { PromFrame, promQueryOptions } from '@/query/prometheus/panelQuery';

type FrameOptions = ReturnType<typeof promQueryOptions>;

export type FramePart<K extends string> = { key: K; options: FrameOptions };

/** The parts that answered, and the backend's message for each part that did not. */
export type SettledFrames<K extends string> = {
  frames: Partial<Record<K, PromFrame>>;
  failures: Array<{ key: K; message: string }>;
};

const messageOf = (reason: unknown): string =>
  reason instanceof Error ? reason.message : String(reason);

/**
 * Several panel queries read as one, each fetched through the cache (a result another panel
 * already shows is not requested again). As in a Grafana panel with several queries, one
 * failing query does not hide the others' data: its message is returned beside them. Only
 * when every part fails does the whole query fail, with the first part's message.
 */
export function settledFramesQueryOptions<K extends string>(
  queryClient: QueryClient,
  name: string,
  parts: Array<FramePart<K>>,
) {
  return queryOptions({
    queryKey: ['combined-settled', name, ...parts.map((p) => p.options.queryKey)],
    queryFn: async (): Promise<SettledFrames<K>> => {
      const results = await Promise.allSettled(parts.map((p) => queryClient.fetchQuery(p.options)));
      const frames: Partial<Record<K, PromFrame>> = {};
      const failures: SettledFrames<K>['failures'] = [];
      results.forEach((result, i) => {
        const key = parts[i]?.key;
        if (key === undefined) return;
        if (result.status === 'fulfilled') frames[key] = result.value;
        else failures.push({ key, message: messageOf(result.reason) });
      });
      const first = results[0];
      if (failures.length > 0 && failures.length === parts.length && first?.status === 'rejected') {
        throw first.reason instanceof Error ? first.reason : new Error(messageOf(first.reason));
      }
      return { frames, failures };
    },
  });
}
