import type { z } from 'zod';
import type { Span, Trace } from '../model';
import { assembleTrace } from '../tree';
import { WarningTally } from '../warnings';

/** Document-level messages beyond this many are counted, not kept. */
const MAX_DOCUMENT_WARNINGS = 20;

interface TraceDraft {
  readonly spans: Span[];
  readonly warnings: WarningTally;
}

/**
 * State shared by the adapters while one document is read: interned strings, spans grouped
 * by trace id (a file may hold several traces, and NDJSON lines of one trace must meet), and
 * capped document-level warnings.
 */
export class ParseContext {
  private readonly strings = new Map<string, string>();
  private readonly drafts = new Map<string, TraceDraft>();
  private readonly messages: string[] = [];
  private droppedMessages = 0;
  private lastTraceId: string | null = null;
  private lastDraft: TraceDraft | null = null;

  /** One shared instance per distinct string: 100k spans carry a few dozen names. */
  intern(text: string): string {
    const hit = this.strings.get(text);
    if (hit !== undefined) return hit;
    this.strings.set(text, text);
    return text;
  }

  warn(message: string): void {
    if (this.messages.length < MAX_DOCUMENT_WARNINGS) this.messages.push(message);
    else this.droppedMessages += 1;
  }

  /** Warnings and spans of the trace with this id, created on first use. */
  trace(traceId: string): TraceDraft {
    // Spans of one trace usually come together: skip the map lookup for a run of them.
    if (traceId === this.lastTraceId && this.lastDraft) return this.lastDraft;
    let draft = this.drafts.get(traceId);
    if (!draft) {
      draft = { spans: [], warnings: new WarningTally() };
      this.drafts.set(traceId, draft);
    }
    this.lastTraceId = traceId;
    this.lastDraft = draft;
    return draft;
  }

  warnings(): string[] {
    if (this.droppedMessages === 0) return [...this.messages];
    return [...this.messages, `…and ${this.droppedMessages} more problems of the same kinds`];
  }

  build(): Trace[] {
    const traces: Trace[] = [];
    for (const [traceId, draft] of this.drafts) {
      if (draft.spans.length === 0) continue;
      traces.push(assembleTrace(traceId, draft.spans, draft.warnings.list()));
    }
    return traces;
  }
}

/** The first zod issue as "path: message", short enough for a warning line. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/**
 * Validates list items one by one, keeping the valid ones. Used only after a whole-object
 * check failed, so the fast path stays one `safeParse` per span.
 */
export function keepValidItems<T>(
  schema: z.ZodType<T>,
  items: readonly unknown[] | null | undefined,
  onInvalid: (index: number, reason: string) => void,
): T[] {
  if (!items) return [];
  const kept: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const parsed = schema.safeParse(items[i]);
    if (parsed.success) kept.push(parsed.data);
    else onInvalid(i, describeIssue(parsed.error));
  }
  return kept;
}

/** How an adapter checks one span; a module-level constant, so nothing is built per span. */
export interface SpanLadder<T, S> {
  isWellFormed: (value: unknown) => value is T;
  full: z.ZodType<T>;
  skeleton: z.ZodType<S>;
  repair: (skeleton: S, dropped: (list: string) => (index: number, reason: string) => void) => T;
}

/**
 * One span through the validation ladder every adapter uses: the hand-written guard (fast, for
 * well-formed spans), then the full schema, then the skeleton with its lists checked item by
 * item so one bad tag drops that tag, not the span. Every loss becomes a warning naming
 * `<group>.spans[<index>]` (put together only then: this runs for every span of a trace).
 */
export function salvageSpan<T, S>(
  value: unknown,
  ladder: SpanLadder<T, S>,
  ctx: ParseContext,
  group: string,
  index: number,
): T | null {
  if (ladder.isWellFormed(value)) return value;
  const full = ladder.full.safeParse(value);
  if (full.success) return full.data;
  const where = `${group}.spans[${index}]`;
  const skeleton = ladder.skeleton.safeParse(value);
  if (!skeleton.success) {
    ctx.warn(`Skipped ${where}: ${describeIssue(skeleton.error)}`);
    return null;
  }
  return ladder.repair(
    skeleton.data,
    (list) => (i, reason) => ctx.warn(`Dropped ${where}.${list}[${i}]: ${reason}`),
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
