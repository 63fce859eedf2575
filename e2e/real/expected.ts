/**
 * What the app must show, worked out from the per-tick tables in workload.ts (100 ticks a
 * second) and its PRICES. Counts are per second; a test multiplies them by its range.
 * Quantiles follow histogram_quantile: find the bucket holding rank q × count and interpolate
 * linearly inside it.
 */
export const EXPECTED = {
  aet: {
    /** 14 successful of 16 tasks. Shown "87.5%". */
    successRate: 0.875,
    /**
     * Rank 0.95 × 16 = 15.2. Buckets: ≤2 s holds 12 tasks (4×0.4, 5×1.5, 0.3, 2×0.8),
     * (2, 4] holds 4 (2×3, 3.5, 3.2). p95 = 2 + (4 − 2) × (15.2 − 12) / 4 = 3.6 s.
     */
    p95TaskSeconds: 3.6,
    /** 3 + 5 + 4. */
    activeTasks: 12,
    /** The workflow gauge. */
    runningExecutions: 3,
    /** max(40, 60) / 100. */
    saturation: 0.6,
    /** 12 requests a tick. */
    requestsPerSecond: 1200,
    /** 1 failed execution a tick. */
    failedExecutionsPerSecond: 100,
    /** 2 failed tasks a tick. */
    failedTasksPerSecond: 200,
    /** 2 of 16 tasks fail in every window: burn rate = 0.125 / (1 − 0.99) = 12.5. */
    errorRatio: 0.125,
    /** Tokens come from the gen_ai_* histograms; cost at PRICES. */
    perAgent: {
      /**
       * 2 req/tick; 6 of 7 tasks succeed. Responses all 0.3 s, in (0.2, 0.6]: pq = 0.2 + 0.4 × q,
       * so p50 0.4 s, p95 0.58 s, p99 0.596 s. Tokens 800 in + 100 out a tick:
       * 80,000 × $2.5 / M + 10,000 × $10 / M = $0.30 a second.
       */
      planner: {
        requestsPerSecond: 200,
        successRate: 6 / 7,
        p50: 0.4,
        p95: 0.58,
        p99: 0.596,
        tokensPerSecond: 90_000,
        costPerSecond: 0.3,
      },
      /**
       * 4 req/tick; 5 of 6. Buckets: ≤0.6 s holds 2 (0.4 s), (0.6, 1] holds 2 (0.7 s). p50: rank 2
       * fills the first bucket, 0.6 s; p95: 0.6 + 0.4 × (3.8 − 2) / 2 = 0.96 s; p99: 0.6 + 0.4 ×
       * 1.96 / 2 = 0.992 s. Tokens 1,100 + 60 a tick: 110,000 × $3 / M + 6,000 × $15 / M = $0.42.
       */
      coder: {
        requestsPerSecond: 400,
        successRate: 5 / 6,
        p50: 0.6,
        p95: 0.96,
        p99: 0.992,
        tokensPerSecond: 116_000,
        costPerSecond: 0.42,
      },
      /**
       * 6 req/tick; 3 of 3. Every response (1.9–2.1 s) in (1, 3]: pq = 1 + 2 × q, so 2 s, 2.9 s,
       * 2.98 s. Tokens 600 + 70 (claude) and 550 in (gpt-4o) a tick:
       * 60,000 × $3 / M + 7,000 × $15 / M + 55,000 × $2.5 / M = $0.4225.
       */
      reviewer: {
        requestsPerSecond: 600,
        successRate: 1,
        p50: 2,
        p95: 2.9,
        p99: 2.98,
        tokensPerSecond: 122_000,
        costPerSecond: 0.4225,
      },
    },
    toolCallsPerSecond: [
      { agent: 'coder', tool: 'read_file', status: 'success', calls: 400 },
      { agent: 'planner', tool: 'search_docs', status: 'success', calls: 200 },
      { agent: 'coder', tool: 'run_tests', status: 'success', calls: 100 },
      { agent: 'coder', tool: 'run_tests', status: 'error', calls: 100 },
    ],
    modelsPerSecond: {
      /** 800 + 550 in, 100 out a tick: 135,000 × $2.5 / M + 10,000 × $10 / M = $0.4375. */
      'gpt-4o': { provider: 'openai', input: 135_000, output: 10_000, cost: 0.4375 },
      /** 1,100 + 600 in, 60 + 70 out a tick: 170,000 × $3 / M + 13,000 × $15 / M = $0.705. */
      'claude-sonnet-4': { provider: 'anthropic', input: 170_000, output: 13_000, cost: 0.705 },
    },
    /** Outside the burst: one of each a tick. */
    errorsPerSecond: { tool_error: 100, timeout: 100 },
  },
  genai: {
    /** 5 of 6 operations without error_type. Shown "83.33%". */
    successRate: 5 / 6,
    /**
     * Rank 0.95 × 6 = 5.7. ≤0.64 s holds 4 (0.3, 0.3, 0.5, 0.05), (1.28, 2.56] holds 2 (2, 2).
     * p95 = 1.28 + 1.28 × (5.7 − 4) / 2 = 2.368 s.
     */
    p95Seconds: 2.368,
    /** 6 operations a tick. */
    operationsPerSecond: 600,
    /** 1 failed operation a tick. */
    failedOperationsPerSecond: 100,
    /**
     * Per agent, 2 operations a tick each. Planner: both 0.3 s in (0.16, 0.32], pq = 0.16 +
     * 0.16 × q. Coder: 0.05 s in (0.04, 0.08] and 0.5 s in (0.32, 0.64]; p50 (rank 1) fills the
     * first, 0.08 s; p95 0.32 + 0.32 × 0.9 = 0.608 s; p99 0.32 + 0.32 × 0.98 = 0.6336 s.
     * Reviewer: both 2 s in (1.28, 2.56], pq = 1.28 + 1.28 × q, and one of the two fails.
     */
    perAgent: {
      planner: { operationsPerSecond: 200, successRate: 1, p50: 0.24, p95: 0.312, p99: 0.3184 },
      coder: { operationsPerSecond: 200, successRate: 1, p50: 0.08, p95: 0.608, p99: 0.6336 },
      reviewer: { operationsPerSecond: 200, successRate: 0.5, p50: 1.92, p95: 2.496, p99: 2.5472 },
    },
    /** The one tool operation a tick. */
    toolCallsPerSecond: [{ agent: 'coder', tool: 'read_file', status: 'success', calls: 100 }],
  },
} as const;
