import { z } from 'zod';
import { isNullishListOf, isNullishString, isNumberOrString, isRecord, isString } from './guards';

/** Jaeger query API v1 JSON, as zod schemas plus the fast guard for well-formed spans. */

const int64 = z.union([z.number(), z.string()]);

export const jaegerTagSchema = z.looseObject({
  key: z.string(),
  type: z.string().nullish(),
  value: z.unknown(),
});
export type JaegerTag = z.infer<typeof jaegerTagSchema>;

export const jaegerLogSchema = z.looseObject({
  timestamp: int64,
  fields: z.array(jaegerTagSchema).nullish(),
});
export const jaegerRefSchema = z.looseObject({
  refType: z.string().nullish(),
  traceID: z.string().nullish(),
  spanID: z.string(),
});
export type JaegerRef = z.infer<typeof jaegerRefSchema>;

export const jaegerProcessSchema = z.looseObject({
  serviceName: z.string().nullish(),
  tags: z.array(z.unknown()).nullish(),
});

export const jaegerSpanSkeletonSchema = z.looseObject({
  traceID: z.string().nullish(),
  spanID: z.string(),
  operationName: z.string().nullish(),
  references: z.array(z.unknown()).nullish(),
  startTime: int64,
  duration: int64,
  tags: z.array(z.unknown()).nullish(),
  logs: z.array(z.unknown()).nullish(),
  processID: z.string().nullish(),
  process: jaegerProcessSchema.nullish(),
  warnings: z.array(z.string()).nullish(),
});
export const jaegerSpanSchema = jaegerSpanSkeletonSchema.extend({
  references: z.array(jaegerRefSchema).nullish(),
  tags: z.array(jaegerTagSchema).nullish(),
  logs: z.array(jaegerLogSchema).nullish(),
});
export type JaegerSpan = z.infer<typeof jaegerSpanSchema>;

export const jaegerTraceSchema = z.looseObject({
  traceID: z.string(),
  spans: z.array(z.unknown()),
  processes: z.record(z.string(), z.unknown()).nullish(),
  warnings: z.array(z.string()).nullish(),
});

export const jaegerErrorSchema = z.looseObject({
  code: z.number().nullish(),
  msg: z.string().nullish(),
  traceID: z.string().nullish(),
});

/** The `/api/traces` envelope; `data` items are checked one trace at a time. */
export const jaegerEnvelopeSchema = z.looseObject({
  data: z.array(z.unknown()).nullish(),
  total: z.number().nullish(),
  limit: z.number().nullish(),
  offset: z.number().nullish(),
  errors: z.array(jaegerErrorSchema).nullish(),
});

function isTag(value: unknown): boolean {
  return isRecord(value) && isString(value.key) && isNullishString(value.type);
}

function isLog(value: unknown): boolean {
  return (
    isRecord(value) && isNumberOrString(value.timestamp) && isNullishListOf(value.fields, isTag)
  );
}

function isRef(value: unknown): boolean {
  return (
    isRecord(value) &&
    isString(value.spanID) &&
    isNullishString(value.refType) &&
    isNullishString(value.traceID)
  );
}

/**
 * The common, well-formed span: accepted by `jaegerSpanSchema` without zod's copy. Spans with
 * an embedded `process` (rare) take the zod path.
 */
export function isWellFormedJaegerSpan(value: unknown): value is JaegerSpan {
  return (
    isRecord(value) &&
    isString(value.spanID) &&
    isNumberOrString(value.startTime) &&
    isNumberOrString(value.duration) &&
    isNullishString(value.traceID) &&
    isNullishString(value.operationName) &&
    isNullishString(value.processID) &&
    value.process == null &&
    isNullishListOf(value.references, isRef) &&
    isNullishListOf(value.tags, isTag) &&
    isNullishListOf(value.logs, isLog) &&
    isNullishListOf(value.warnings, isString)
  );
}
