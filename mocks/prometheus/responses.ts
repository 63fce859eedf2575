/** JSON bodies in the exact shapes of the Prometheus HTTP API. */
import type { InstantResult, RangeResult, Sample } from './promql/evaluator';
import { formatSampleValue } from './promql/format';
import { PromQLBadQueryError, PromQLExecutionError, PromQLParseError } from './promql/errors';
import { BadDataError } from './params';

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

export type ErrorType = 'bad_data' | 'execution' | 'internal';

export function success(data: unknown): ApiResponse {
  return { status: 200, body: { status: 'success', data } };
}

export function failure(status: number, errorType: ErrorType, error: string): ApiResponse {
  return { status, body: { status: 'error', errorType, error } };
}

/** Maps evaluation and parameter errors to Prometheus' status codes and error types. */
export function errorResponse(error: unknown): ApiResponse {
  if (error instanceof PromQLParseError) {
    return failure(400, 'bad_data', `invalid parameter "query": ${error.message}`);
  }
  if (error instanceof BadDataError || error instanceof PromQLBadQueryError) {
    return failure(400, 'bad_data', error.message);
  }
  if (error instanceof PromQLExecutionError) return failure(422, 'execution', error.message);
  return failure(500, 'internal', error instanceof Error ? error.message : String(error));
}

/** Timestamps are Unix seconds with millisecond precision, values are strings. */
const point = ([t, v]: Sample): [number, string] => [t / 1000, formatSampleValue(v)];

export function formatInstant(result: InstantResult): unknown {
  switch (result.resultType) {
    case 'vector':
      return {
        resultType: 'vector',
        result: result.result.map((s) => ({ metric: s.metric, value: point(s.value) })),
      };
    case 'matrix':
      return formatRange(result);
    case 'scalar':
      return { resultType: 'scalar', result: point(result.result) };
    case 'string':
      return { resultType: 'string', result: [result.result[0] / 1000, result.result[1]] };
  }
}

export function formatRange(result: RangeResult): unknown {
  return {
    resultType: 'matrix',
    result: result.result.map((s) => ({ metric: s.metric, values: s.values.map(point) })),
  };
}

/** RFC 3339 in UTC, as Go prints time.Time in JSON. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Go's strconv.FormatFloat(v, 'e', -1, 64), which alert values use. */
export function formatExponent(value: number): string {
  if (!Number.isFinite(value)) return formatSampleValue(value);
  const [mantissa = '0', exponent = '0'] = value.toExponential().split('e');
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}e${sign}${exponent.replace(/^[-+]/, '').padStart(2, '0')}`;
}
