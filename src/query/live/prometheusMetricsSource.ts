import type { MetricsSnapshot } from '@/datasources/live';
import type { PromClient, QueryResult } from '@/datasources/prometheus';
import type { PriceTable } from '@/lib/pricing';
import {
  NEVER_FROM_PROMETHEUS,
  SNAPSHOT_QUERIES,
  TOKEN_USAGE_QUERY,
  snapshotFromAnswers,
  type PrometheusAnswers,
  type ScalarQuery,
  type SnapshotField,
  type TokenSample,
} from './prometheusSnapshot';

/**
 * Polls Prometheus for the metrics snapshot, and remembers which fields the last answer could
 * not fill (an external store, so the UI re-renders when that changes).
 */
export interface PrometheusMetricsSource {
  fetch(): Promise<MetricsSnapshot>;
  unavailable(): ReadonlySet<SnapshotField>;
  subscribe(listener: () => void): () => void;
}

/** The single number of an instant query; null when it has none. */
export function scalarOf(result: QueryResult): number | null {
  if (result.resultType === 'scalar') return result.result[1];
  if (result.resultType !== 'vector') return null;
  const first = result.result[0];
  return first ? first.value[1] : null;
}

function samplesOf(result: QueryResult): TokenSample[] {
  if (result.resultType !== 'vector') return [];
  return result.result.map((sample) => ({ labels: sample.metric, value: sample.value[1] }));
}

function sameFields(a: ReadonlySet<SnapshotField>, b: ReadonlySet<SnapshotField>): boolean {
  return a.size === b.size && [...a].every((field) => b.has(field));
}

export function createPrometheusMetricsSource(
  prometheus: PromClient,
  prices: PriceTable,
): PrometheusMetricsSource {
  let unavailable: ReadonlySet<SnapshotField> = new Set(NEVER_FROM_PROMETHEUS);
  const listeners = new Set<() => void>();

  async function fetchAnswers(): Promise<PrometheusAnswers> {
    const names = Object.keys(SNAPSHOT_QUERIES) as ScalarQuery[];
    const settled = await Promise.allSettled([
      ...names.map((name) => prometheus.query(SNAPSHOT_QUERIES[name])),
      prometheus.query(TOKEN_USAGE_QUERY),
    ]);
    // One failed query leaves a gap; all of them failing means Prometheus is not answering.
    const firstFailure = settled.find((outcome) => outcome.status === 'rejected');
    if (firstFailure && settled.every((outcome) => outcome.status === 'rejected')) {
      throw firstFailure.reason;
    }
    const value = (index: number) => {
      const outcome = settled[index];
      return outcome?.status === 'fulfilled' ? outcome.value : null;
    };
    const scalars = Object.fromEntries(
      names.map((name, index) => {
        const result = value(index);
        return [name, result ? scalarOf(result) : null];
      }),
    ) as Record<ScalarQuery, number | null>;
    const tokenResult = value(names.length);
    return { scalars, tokens: tokenResult ? samplesOf(tokenResult) : null };
  }

  return {
    async fetch() {
      const computed = snapshotFromAnswers(await fetchAnswers(), prices);
      if (!sameFields(unavailable, computed.unavailable)) {
        unavailable = computed.unavailable;
        for (const listener of [...listeners]) listener();
      }
      return computed.snapshot;
    },
    unavailable: () => unavailable,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
