import { ParseContext, isRecord } from './adapters/context';
import {
  isJaegerEnvelope,
  isJaegerTrace,
  readJaegerEnvelope,
  readJaegerTrace,
} from './adapters/jaeger';
import { readResourceSpans } from './adapters/otlp';
import { isZipkinSpan, readZipkinSpans } from './adapters/zipkin';
import type { ParseResult, TraceFormat } from './model';

/** The document is not a trace in any format we read; the message says what was expected. */
export class TraceFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceFormatError';
  }
}

export const EXPECTED_SHAPES = [
  'Jaeger API response {"data": [trace, …]}',
  'Jaeger trace {"traceID", "spans", "processes"}',
  'OTLP/JSON {"resourceSpans": […]} (also one request per line, NDJSON)',
  'Tempo {"batches": […]} or {"trace": {"resourceSpans": […]}}',
  'Jaeger API v3 {"result": {"resourceSpans": […]}}',
  'Zipkin v2 [{"traceId", "id", …}]',
] as const;

/**
 * Recognises the format of a trace document (parsed JSON, or text: JSON or NDJSON) and reads
 * every trace in it into the internal model. Problems inside a recognised document become
 * warnings; a document that is not a trace at all throws `TraceFormatError`.
 */
export function detectAndParse(input: unknown): ParseResult {
  const documents = typeof input === 'string' ? parseText(input) : [input];
  const ctx = new ParseContext();
  let format: TraceFormat | undefined;
  documents.forEach((doc, i) => {
    const where = documents.length > 1 ? `line ${i + 1}` : 'the document';
    const found = readDocument(doc, ctx, where);
    format ??= found;
  });
  return { traces: ctx.build(), format: format ?? 'otlp', warnings: ctx.warnings() };
}

/** A Jaeger API v1 response (envelope or bare trace), read without guessing the format. */
export function parseJaegerResponse(doc: unknown): ParseResult {
  const ctx = new ParseContext();
  if (isJaegerTrace(doc)) readJaegerTrace(doc, ctx);
  else readJaegerEnvelope(doc, ctx);
  return { traces: ctx.build(), format: 'jaeger', warnings: ctx.warnings() };
}

function parseText(text: string): unknown[] {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw new TraceFormatError('The file is empty.');
  try {
    return [JSON.parse(body)];
  } catch (error) {
    const lines = body.split(/\r?\n/).filter((line) => line.trim() !== '');
    if (lines.length < 2)
      throw new TraceFormatError(`The file is not valid JSON: ${messageOf(error)}`);
    return lines.map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch (lineError) {
        throw new TraceFormatError(
          `The file is neither JSON nor one JSON document per line (NDJSON): line ${i + 1}: ${messageOf(lineError)}`,
        );
      }
    });
  }
}

function readDocument(doc: unknown, ctx: ParseContext, where: string): TraceFormat {
  if (Array.isArray(doc)) return readArray(doc, ctx, where);
  if (!isRecord(doc)) throw unrecognised(where, describe(doc));

  if (Array.isArray(doc.resourceSpans)) {
    readResourceSpans(doc.resourceSpans, ctx, 'resourceSpans');
    return 'otlp';
  }
  if (Array.isArray(doc.batches)) {
    readResourceSpans(doc.batches, ctx, 'batches');
    return 'tempo';
  }
  if (isRecord(doc.trace)) {
    const inner = doc.trace;
    const list = Array.isArray(inner.resourceSpans) ? inner.resourceSpans : inner.batches;
    if (Array.isArray(list)) readResourceSpans(list, ctx, 'trace.resourceSpans');
    return 'tempo';
  }
  if (isRecord(doc.result) && Array.isArray(doc.result.resourceSpans)) {
    readResourceSpans(doc.result.resourceSpans, ctx, 'result.resourceSpans');
    return 'jaeger-v3';
  }
  if (isJaegerEnvelope(doc)) {
    readJaegerEnvelope(doc, ctx);
    return 'jaeger';
  }
  if (isJaegerTrace(doc)) {
    readJaegerTrace(doc, ctx);
    return 'jaeger';
  }
  if (isZipkinSpan(doc)) {
    readZipkinSpans([doc], ctx);
    return 'zipkin';
  }
  throw new TraceFormatError(notATraceReason(doc) ?? unrecognised(where, describe(doc)).message);
}

function readArray(doc: readonly unknown[], ctx: ParseContext, where: string): TraceFormat {
  const first: unknown = doc[0];
  if (first === undefined || isZipkinSpan(first)) {
    readZipkinSpans(doc, ctx);
    return 'zipkin';
  }
  if (isJaegerTrace(first)) {
    doc.forEach((trace, i) => readJaegerTrace(trace, ctx, `[${i}]`));
    return 'jaeger';
  }
  if (isRecord(first) && Array.isArray(first.resourceSpans)) {
    doc.forEach((request, i) => {
      const spans = isRecord(request) ? request.resourceSpans : undefined;
      if (Array.isArray(spans)) readResourceSpans(spans, ctx, `[${i}].resourceSpans`);
      else ctx.warn(`Skipped [${i}]: not an OTLP request`);
    });
    return 'otlp';
  }
  throw unrecognised(where, `an array of ${describe(first)}`);
}

/** Recognisable documents that are not traces, with a message that says what they are. */
function notATraceReason(doc: Record<string, unknown>): string | undefined {
  if ('resourceLogs' in doc) return 'This is OTLP log data, not a trace.';
  if ('resourceMetrics' in doc) return 'This is OTLP metric data, not a trace.';
  if (Array.isArray(doc.traces)) {
    return 'This is a Tempo search result (a list of trace summaries), not a trace. Open one of its traces by id.';
  }
  if (isRecord(doc.error) && typeof doc.error.message === 'string') {
    return `The document is an error response: ${doc.error.message}`;
  }
  if (doc.status === 'error' && typeof doc.error === 'string') {
    return `The document is an error response: ${doc.error}`;
  }
  return undefined;
}

function unrecognised(where: string, found: string): TraceFormatError {
  return new TraceFormatError(
    `Not a trace format this app reads (${where} is ${found}). Expected one of: ${EXPECTED_SHAPES.join('; ')}.`,
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    const shown = keys
      .slice(0, 6)
      .map((k) => `"${k}"`)
      .join(', ');
    return `an object with keys ${shown}${keys.length > 6 ? ', …' : ''}`;
  }
  return `a ${typeof value}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
