import { z } from 'zod';
import {
  isNullishListOf,
  isNullishNumberOrString,
  isNullishString,
  isNumberOrString,
  isRecord,
  isString,
} from './guards';

/** OTLP/JSON trace data as zod schemas, plus the fast guard for well-formed spans. */

const int64 = z.union([z.string(), z.number()]);
const enumValue = z.union([z.number(), z.string()]);

/** One level of AnyValue; nested array/kvlist items are checked when they are converted. */
export const anyValueSchema = z.looseObject({
  stringValue: z.string().nullish(),
  boolValue: z.boolean().nullish(),
  intValue: int64.nullish(),
  doubleValue: z.union([z.number(), z.string()]).nullish(),
  bytesValue: z.string().nullish(),
  arrayValue: z.looseObject({ values: z.array(z.unknown()).nullish() }).nullish(),
  kvlistValue: z.looseObject({ values: z.array(z.unknown()).nullish() }).nullish(),
});
export type AnyValue = z.infer<typeof anyValueSchema>;

export const keyValueSchema = z.looseObject({ key: z.string(), value: anyValueSchema.nullish() });
export type KeyValue = z.infer<typeof keyValueSchema>;
const keyValues = z.array(keyValueSchema).nullish();

export const eventSchema = z.looseObject({
  timeUnixNano: int64.nullish(),
  name: z.string().nullish(),
  attributes: keyValues,
});
export const linkSchema = z.looseObject({
  traceId: z.string(),
  spanId: z.string(),
  attributes: keyValues,
});
const statusSchema = z.looseObject({ code: enumValue.nullish(), message: z.string().nullish() });

export const otlpSpanSkeletonSchema = z.looseObject({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().nullish(),
  name: z.string().nullish(),
  kind: enumValue.nullish(),
  startTimeUnixNano: int64,
  endTimeUnixNano: int64.nullish(),
  attributes: z.array(z.unknown()).nullish(),
  events: z.array(z.unknown()).nullish(),
  links: z.array(z.unknown()).nullish(),
  status: statusSchema.nullish(),
});
export const otlpSpanSchema = otlpSpanSkeletonSchema.extend({
  attributes: keyValues,
  events: z.array(eventSchema).nullish(),
  links: z.array(linkSchema).nullish(),
});
export type OtlpSpan = z.infer<typeof otlpSpanSchema>;

export const scopeSchema = z.looseObject({
  name: z.string().nullish(),
  version: z.string().nullish(),
  attributes: z.array(z.unknown()).nullish(),
});
const scopeSpansSchema = z.looseObject({
  scope: scopeSchema.nullish(),
  instrumentationLibrary: scopeSchema.nullish(),
  spans: z.array(z.unknown()).nullish(),
});
export const resourceSpansSchema = z.looseObject({
  resource: z.looseObject({ attributes: z.array(z.unknown()).nullish() }).nullish(),
  scopeSpans: z.array(scopeSpansSchema).nullish(),
  instrumentationLibrarySpans: z.array(scopeSpansSchema).nullish(),
});

function isAnyValue(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { stringValue, boolValue, intValue, doubleValue, bytesValue, arrayValue, kvlistValue } =
    value;
  return (
    isNullishString(stringValue) &&
    (boolValue == null || typeof boolValue === 'boolean') &&
    isNullishNumberOrString(intValue) &&
    isNullishNumberOrString(doubleValue) &&
    isNullishString(bytesValue) &&
    (arrayValue == null ||
      (isRecord(arrayValue) && isNullishListOf(arrayValue.values, isUnknown))) &&
    (kvlistValue == null ||
      (isRecord(kvlistValue) && isNullishListOf(kvlistValue.values, isUnknown)))
  );
}

function isUnknown(): boolean {
  return true;
}

function isKeyValue(value: unknown): boolean {
  return isRecord(value) && isString(value.key) && (value.value == null || isAnyValue(value.value));
}

function isEvent(value: unknown): boolean {
  return (
    isRecord(value) &&
    isNullishNumberOrString(value.timeUnixNano) &&
    isNullishString(value.name) &&
    isNullishListOf(value.attributes, isKeyValue)
  );
}

function isLink(value: unknown): boolean {
  return (
    isRecord(value) &&
    isString(value.traceId) &&
    isString(value.spanId) &&
    isNullishListOf(value.attributes, isKeyValue)
  );
}

function isStatus(value: unknown): boolean {
  return (
    value == null ||
    (isRecord(value) && isNullishNumberOrString(value.code) && isNullishString(value.message))
  );
}

/** The common, well-formed span: accepted by `otlpSpanSchema` without zod's copy. */
export function isWellFormedOtlpSpan(value: unknown): value is OtlpSpan {
  return (
    isRecord(value) &&
    isString(value.traceId) &&
    isString(value.spanId) &&
    isNumberOrString(value.startTimeUnixNano) &&
    isNullishNumberOrString(value.endTimeUnixNano) &&
    isNullishString(value.parentSpanId) &&
    isNullishString(value.name) &&
    isNullishNumberOrString(value.kind) &&
    isStatus(value.status) &&
    isNullishListOf(value.attributes, isKeyValue) &&
    isNullishListOf(value.events, isEvent) &&
    isNullishListOf(value.links, isLink)
  );
}
