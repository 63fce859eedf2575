import { z } from 'zod';

/**
 * Schemas for the Prometheus HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/).
 * They validate what the server sends and convert it to what the app uses: sample values from
 * strings to numbers, timestamps from seconds to epoch milliseconds. Unknown keys (native
 * histograms, fields added by Thanos, Mimir or VictoriaMetrics) are ignored, never rejected.
 */

export type Labels = Record<string, string>;
/** `[timestamp in epoch ms, value]`; the value may be NaN or ±Infinity. */
export type SamplePair = [timeMs: number, value: number];

/**
 * Prometheus writes sample values as Go formats floats: "1.5", "NaN", "+Inf", "-Inf".
 * `Number.parseFloat("+Inf")` is NaN, so the infinities are matched by name.
 * Returns undefined for text that is not a number.
 */
export function parseSampleValue(text: string): number | undefined {
  // Fast path first: a range query can hold a million samples, nearly all plain numbers.
  const value = Number(text);
  if (!Number.isNaN(value)) return text.trim() === '' ? undefined : value;
  switch (text) {
    case '+Inf':
    case 'Inf':
      return Number.POSITIVE_INFINITY;
    case '-Inf':
      return Number.NEGATIVE_INFINITY;
    case 'NaN':
      return Number.NaN;
  }
  return undefined;
}

export function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1000);
}

export const labelsSchema = z.record(z.string(), z.string());

export const sampleValueSchema = z.string().transform((text, ctx) => {
  const value = parseSampleValue(text);
  if (value === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a sample value` });
    return z.NEVER;
  }
  return value;
});

export const timestampMsSchema = z.number().transform(secondsToMs);

export const samplePairSchema = z
  .tuple([timestampMsSchema, sampleValueSchema])
  .transform(([t, v]): SamplePair => [t, v]);

// ---------------------------------------------------------------- envelope

/**
 * Every response: `{status, data}` on success, `{status: "error", errorType, error}` on failure.
 * `status` stays a plain string because some backends send other values (Jaeger's tests use
 * "warning"); only "error" means failure.
 */
export const envelopeSchema = z.object({
  status: z.string(),
  data: z.unknown().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
  warnings: z
    .array(z.string())
    .nullish()
    .transform((w) => w ?? []),
  infos: z
    .array(z.string())
    .nullish()
    .transform((i) => i ?? []),
});
export type Envelope = z.output<typeof envelopeSchema>;

// ---------------------------------------------------------------- query results

export interface VectorSample {
  metric: Labels;
  value: SamplePair;
}
export interface MatrixSeries {
  metric: Labels;
  values: SamplePair[];
}

const metricSchema = labelsSchema.optional().transform((m) => m ?? {});

/**
 * A vector sample holding only a native histogram (`histogram` instead of `value`) is left out:
 * the app does not draw native histograms, and a float of 0 in its place would be a lie.
 */
const vectorSchema = z
  .array(
    z.object({
      metric: metricSchema,
      value: samplePairSchema.optional(),
    }),
  )
  .transform((samples): VectorSample[] =>
    samples.flatMap((s) => (s.value ? [{ metric: s.metric, value: s.value }] : [])),
  );

/**
 * A series' sample list, checked and converted in one loop. A range query can return a million
 * pairs; running each through a zod tuple with transforms took seconds. The rules are exactly
 * those of `samplePairSchema`, and the first bad pair is reported with its path.
 */
export const samplePairsSchema = z.unknown().transform((raw, ctx): SamplePair[] => {
  if (!Array.isArray(raw)) {
    ctx.addIssue({ code: 'custom', message: 'expected an array of [time, value] pairs' });
    return z.NEVER;
  }
  const out = new Array<SamplePair>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const pair: unknown = raw[i];
    const time = Array.isArray(pair) && pair.length === 2 ? pair[0] : undefined;
    const text = Array.isArray(pair) && pair.length === 2 ? pair[1] : undefined;
    const value = typeof text === 'string' ? parseSampleValue(text) : undefined;
    if (typeof time !== 'number' || !Number.isFinite(time) || value === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [i],
        message: `expected [time, "value"], got ${JSON.stringify(pair)?.slice(0, 80)}`,
      });
      return z.NEVER;
    }
    out[i] = [secondsToMs(time), value];
  }
  return out;
});

/** A series' native-histogram points (`histograms`) are dropped; its float points are kept. */
const matrixSchema = z.array(
  z
    .object({
      metric: metricSchema,
      values: samplePairsSchema.optional(),
    })
    .transform((s): MatrixSeries => ({ metric: s.metric, values: s.values ?? [] })),
);

const stringPairSchema = z
  .tuple([timestampMsSchema, z.string()])
  .transform(([t, v]): [timeMs: number, value: string] => [t, v]);

export const vectorDataSchema = z.object({
  resultType: z.literal('vector'),
  result: vectorSchema,
});
export const matrixDataSchema = z.object({
  resultType: z.literal('matrix'),
  result: matrixSchema,
});
export const scalarDataSchema = z.object({
  resultType: z.literal('scalar'),
  result: samplePairSchema,
});
export const stringDataSchema = z.object({
  resultType: z.literal('string'),
  result: stringPairSchema,
});

export const queryDataSchema = z.discriminatedUnion('resultType', [
  vectorDataSchema,
  matrixDataSchema,
  scalarDataSchema,
  stringDataSchema,
]);
export type QueryData = z.output<typeof queryDataSchema>;
export type MatrixData = z.output<typeof matrixDataSchema>;

// ---------------------------------------------------------------- metadata endpoints

export const seriesSchema = z.array(labelsSchema);
export const labelNamesSchema = z.array(z.string());
export const labelValuesSchema = z.array(z.string());

export const exemplarSeriesSchema = z.array(
  z.object({
    seriesLabels: labelsSchema,
    exemplars: z.array(
      z.object({
        labels: labelsSchema,
        value: sampleValueSchema,
        timestamp: timestampMsSchema,
      }),
    ),
  }),
);
export type ExemplarSeries = z.output<typeof exemplarSeriesSchema>[number];
export type Exemplar = ExemplarSeries['exemplars'][number];

const metricMetadataSchema = z.object({
  type: z.string(),
  help: z.string(),
  unit: z.string().optional(),
});
export const metadataSchema = z.record(z.string(), z.array(metricMetadataSchema));
export type MetricMetadata = z.output<typeof metricMetadataSchema>;

export const targetMetadataSchema = z.array(
  z.object({
    target: labelsSchema,
    metric: z.string().optional(),
    type: z.string(),
    help: z.string(),
    unit: z.string().optional(),
  }),
);
export type TargetMetadata = z.output<typeof targetMetadataSchema>[number];

export const targetsSchema = z.object({
  activeTargets: z.array(
    z.object({
      discoveredLabels: labelsSchema,
      labels: labelsSchema,
      scrapePool: z.string(),
      scrapeUrl: z.string(),
      globalUrl: z.string().optional(),
      lastError: z.string(),
      lastScrape: z.string(),
      lastScrapeDuration: z.number(),
      health: z.enum(['up', 'down', 'unknown']),
      scrapeInterval: z.string().optional(),
      scrapeTimeout: z.string().optional(),
    }),
  ),
  droppedTargets: z
    .array(z.object({ discoveredLabels: labelsSchema, scrapePool: z.string().optional() }))
    .optional()
    .transform((d) => d ?? []),
});
export type Targets = z.output<typeof targetsSchema>;

export const buildInfoSchema = z.object({
  version: z.string(),
  revision: z.string().optional(),
  branch: z.string().optional(),
  buildUser: z.string().optional(),
  buildDate: z.string().optional(),
  goVersion: z.string().optional(),
});
export type BuildInfo = z.output<typeof buildInfoSchema>;

// ---------------------------------------------------------------- alerts and rules

const alertSchema = z.object({
  labels: labelsSchema,
  annotations: labelsSchema.optional().transform((a) => a ?? {}),
  state: z.enum(['inactive', 'pending', 'firing']),
  activeAt: z.string().optional(),
  keepFiringSince: z.string().optional(),
  value: sampleValueSchema,
});
export type Alert = z.output<typeof alertSchema>;

export const alertsSchema = z.object({ alerts: z.array(alertSchema) });

const ruleCommon = {
  name: z.string(),
  query: z.string(),
  labels: labelsSchema.optional().transform((l) => l ?? {}),
  health: z.string(),
  lastError: z.string().optional(),
  evaluationTime: z.number().optional(),
  lastEvaluation: z.string().optional(),
};

const alertingRuleSchema = z.object({
  ...ruleCommon,
  type: z.literal('alerting'),
  /** Seconds the condition must hold before the alert fires (`for:`). */
  duration: z.number(),
  keepFiringFor: z.number().optional(),
  annotations: labelsSchema.optional().transform((a) => a ?? {}),
  alerts: z
    .array(alertSchema)
    .optional()
    .transform((a) => a ?? []),
  state: z.enum(['inactive', 'pending', 'firing']).optional(),
});

const recordingRuleSchema = z.object({ ...ruleCommon, type: z.literal('recording') });

export const ruleGroupsSchema = z.object({
  groups: z.array(
    z.object({
      name: z.string(),
      file: z.string(),
      /** Evaluation interval in seconds. */
      interval: z.number(),
      limit: z.number().optional(),
      evaluationTime: z.number().optional(),
      lastEvaluation: z.string().optional(),
      rules: z.array(z.discriminatedUnion('type', [alertingRuleSchema, recordingRuleSchema])),
    }),
  ),
});
export type RuleGroup = z.output<typeof ruleGroupsSchema>['groups'][number];
export type Rule = RuleGroup['rules'][number];
export type AlertingRule = z.output<typeof alertingRuleSchema>;
export type RecordingRule = z.output<typeof recordingRuleSchema>;
