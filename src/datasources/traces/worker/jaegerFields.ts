import type { ByteReader } from './byteJson';
import { notHandled } from './byteJson';

/**
 * Reads the parts of a Jaeger trace the quick look needs (see jaegerScan.ts): the processes,
 * and each span's waterfall fields. Every method reads one whole value from where the reader
 * stands; the bytes may end anywhere inside it, and it is then read again from its start.
 */

const OPEN_OBJECT = 123;
const OPEN_ARRAY = 91;
const QUOTE = 34;
const TRUE = 116;

/** A reference of a span with more than one, for the adapter's choice of parent. */
export interface ScannedRef {
  refType: string | null;
  traceId: string | null;
  spanId: string;
}

/** The waterfall's fields of one trace, one array per field, in document order. */
export interface ScannedTrace {
  traceId: string;
  spanIds: string[];
  /** The only reference's span id, or null; see `refs` for spans with several. */
  parentIds: (string | null)[];
  followsFrom: boolean[];
  /** Every reference, for spans with more than one. */
  refs: Map<number, ScannedRef[]>;
  startUs: number[];
  durationUs: number[];
  processIds: string[];
  operations: string[];
  errors: boolean[];
  withLogs: boolean[];
  /** Service name by process id. */
  services: Map<string, string>;
}

export function emptyScan(): ScannedTrace {
  return {
    traceId: '',
    spanIds: [],
    parentIds: [],
    followsFrom: [],
    refs: new Map(),
    startUs: [],
    durationUs: [],
    processIds: [],
    operations: [],
    errors: [],
    withLogs: [],
    services: new Map(),
  };
}

export class JaegerFieldReader {
  /** The span being read: its first reference, and all of them when there are several. */
  private parentId: string | null = null;
  private parentFollows = false;
  private moreRefs: ScannedRef[] | null = null;

  constructor(
    private readonly reader: ByteReader,
    private readonly scanned: ScannedTrace,
  ) {}

  /** The `processes` object: service name by process id. */
  processes(): Map<string, string> {
    const r = this.reader;
    r.expect(OPEN_OBJECT);
    const services = new Map<string, string>();
    if (r.firstMember()) {
      do {
        r.key();
        const id = r.lastText();
        // The adapter's schema drops this key; a Map would keep it.
        if (id === '__proto__') throw notHandled('a process is named __proto__');
        r.expect(OPEN_OBJECT);
        let service = '';
        if (r.firstMember()) {
          do {
            r.key();
            if (r.lastIs('serviceName')) {
              service = r.nullableString() ? r.lastText() : '';
            } else if (r.lastIs('tags')) {
              this.tags(false);
            } else {
              r.skipValue();
            }
          } while (r.nextMember());
        }
        services.set(id, service || 'unknown');
      } while (r.nextMember());
    }
    return services;
  }

  /** One span; its fields are kept only once it has been read to its end. */
  span(): void {
    const r = this.reader;
    if (r.peek() !== OPEN_OBJECT) throw notHandled('a span is not an object');
    r.pos++;
    let spanId: string | null = null;
    let start = NaN;
    let duration = NaN;
    let hasStart = false;
    let hasDuration = false;
    let processId: string | null = null;
    let operation = '';
    let error = false;
    let logs = false;
    this.parentId = null;
    this.parentFollows = false;
    this.moreRefs = null;
    if (r.firstMember()) {
      do {
        r.key();
        // By length first: one comparison per member instead of one per known name.
        switch (r.lastLength()) {
          case 4:
            if (r.lastIs('tags')) error = this.spanTags();
            else if (r.lastIs('logs')) logs = this.logs();
            else r.skipValue();
            break;
          case 6:
            if (!r.lastIs('spanID')) r.skipValue();
            else if (r.peek() !== QUOTE) throw notHandled('spanID is not a string');
            else {
              r.string();
              spanId = r.lastText();
            }
            break;
          case 7:
            if (r.lastIs('traceID')) {
              r.nullableString();
            } else if (r.lastIs('process')) {
              r.null('a span embeds its process');
            } else {
              r.skipValue();
            }
            break;
          case 8:
            if (r.lastIs('duration')) {
              duration = r.numberOrString();
              hasDuration = true;
            } else if (r.lastIs('warnings')) {
              this.stringList();
            } else {
              r.skipValue();
            }
            break;
          case 9:
            if (r.lastIs('startTime')) {
              start = r.numberOrString();
              hasStart = true;
            } else if (r.lastIs('processID')) {
              processId = r.nullableString() ? r.lastName() : null;
            } else {
              r.skipValue();
            }
            break;
          case 10:
            if (r.lastIs('references')) this.references();
            else r.skipValue();
            break;
          case 13:
            if (r.lastIs('operationName')) operation = r.nullableString() ? r.lastName() : '';
            else r.skipValue();
            break;
          default:
            r.skipValue();
        }
      } while (r.nextMember());
    }
    if (spanId === null || !hasStart || !hasDuration) throw notHandled('a span is not complete');
    if (processId === null) throw notHandled('a span has no processID');
    const s = this.scanned;
    const index = s.spanIds.length;
    s.spanIds.push(spanId);
    s.parentIds.push(this.parentId);
    s.followsFrom.push(this.parentFollows);
    if (this.moreRefs) s.refs.set(index, this.moreRefs);
    s.startUs.push(start);
    s.durationUs.push(duration);
    s.processIds.push(processId);
    s.operations.push(operation);
    s.errors.push(error);
    s.withLogs.push(logs);
  }

  /**
   * Reads a span's references into `parentId`/`parentFollows` (the first) and `moreRefs`
   * (all of them, when there are several: the parent is then chosen at the end, as the adapter
   * chooses it, once the trace id is known).
   */
  private references(): void {
    const r = this.reader;
    this.parentId = null;
    this.parentFollows = false;
    this.moreRefs = null;
    r.peek();
    const at = r.pos;
    if (!this.listStart()) return;
    this.reference(false);
    if (!r.nextItem()) return;
    // Several (rare): read them all again, keeping every field.
    r.pos = at;
    this.listStart();
    const refs: ScannedRef[] = [];
    do refs.push(this.reference(true) as ScannedRef);
    while (r.nextItem());
    this.moreRefs = refs;
  }

  /** One reference; kept whole when `full`, else only as the span's parent. */
  private reference(full: boolean): ScannedRef | null {
    const r = this.reader;
    r.expect(OPEN_OBJECT);
    let refType: string | null = null;
    let traceId: string | null = null;
    let spanId: string | null = null;
    let followsFrom = false;
    if (r.firstMember()) {
      do {
        r.key();
        if (r.lastIs('spanID')) {
          if (r.peek() !== QUOTE) throw notHandled('a reference has no spanID');
          r.string();
          spanId = r.lastText();
        } else if (r.lastIs('refType')) {
          // Assigned either way: a repeated member replaces the earlier one, as in JSON.parse.
          const present = r.nullableString();
          followsFrom = present && r.lastIs('FOLLOWS_FROM');
          refType = full && present ? r.lastName() : null;
        } else if (r.lastIs('traceID')) {
          traceId = r.nullableString() && full ? r.lastName() : null;
        } else {
          r.skipValue();
        }
      } while (r.nextMember());
    }
    if (spanId === null) throw notHandled('a reference has no spanID');
    if (this.parentId === null) {
      this.parentId = spanId;
      this.parentFollows = followsFrom;
    }
    return full ? { refType, traceId, spanId } : null;
  }

  /**
   * A list of tags, checked as the adapter checks them; for a span's tags, returns whether
   * one marks it failed (`error: true` or `otel.status_code: ERROR`, as the adapter reads them).
   */
  private tags(ofSpan: boolean): boolean {
    const r = this.reader;
    if (!this.listStart()) return false;
    let failed = false;
    do {
      r.expect(OPEN_OBJECT);
      let hasKey = false;
      let key: Key = Key.Other;
      let type: Type = Type.Absent;
      let value: Value = Value.Other;
      if (r.firstMember()) {
        do {
          r.key();
          const length = r.lastLength();
          if (length === 3 && r.lastIs('key')) {
            // A value read before a second key could be the wrong one to have kept.
            if (hasKey) throw notHandled('a tag names its key twice');
            if (r.peek() !== QUOTE) throw notHandled('a tag key is not a string');
            r.string();
            hasKey = true;
            key = !ofSpan
              ? Key.Other
              : r.lastIs('error')
                ? Key.Error
                : r.lastIs('otel.status_code')
                  ? Key.StatusCode
                  : Key.Other;
          } else if (length === 4 && r.lastIs('type')) {
            if (!r.nullableString()) type = Type.Absent;
            else if (!ofSpan) type = Type.Other;
            else if (r.lastIs('string')) type = Type.String;
            else if (r.lastIs('bool')) type = Type.Bool;
            else type = Type.Other;
          } else if (length === 5 && r.lastIs('value')) {
            // Only the values of `error` and `otel.status_code` matter (and a value before its key).
            if (ofSpan && (!hasKey || key !== Key.Other)) value = this.tagValue();
            else r.skipValue();
          } else {
            r.skipValue();
          }
        } while (r.nextMember());
      }
      if (!hasKey) throw notHandled('a tag has no key');
      if (key === Key.Other) continue;
      const marks =
        (key === Key.Error && (value === Value.True || value === Value.TrueText)) ||
        (key === Key.StatusCode && value === Value.ErrorText);
      // The adapter converts typed values; only the types whose conversion is plain are read here.
      if (marks && value !== Value.True && type === Type.Other)
        throw notHandled('an error tag has an unusual type');
      if (marks) failed = true;
    } while (r.nextItem());
    return failed;
  }

  private tagValue(): Value {
    const r = this.reader;
    const c = r.peek();
    if (c === TRUE) {
      r.literal(c);
      return Value.True;
    }
    if (c !== QUOTE) {
      r.skipValue();
      return Value.Other;
    }
    r.string();
    if (r.lastIs('true')) return Value.TrueText;
    if (r.lastIs('ERROR')) return Value.ErrorText;
    return Value.Other;
  }

  /** Returns whether the span has logs (their content is the full parse's to read). */
  private logs(): boolean {
    const r = this.reader;
    r.peek();
    const at = r.pos;
    if (!this.listStart()) return false;
    r.pos = at;
    r.skipContainer();
    return true;
  }

  /**
   * Whether a span's tags mark it failed. Skimmed first; read tag by tag only when a string
   * in them could be `error` or `ERROR` (a few spans in a hundred).
   */
  private spanTags(): boolean {
    const r = this.reader;
    const c = r.peek();
    if (c !== OPEN_ARRAY) return this.tags(true);
    const at = r.pos;
    if (!r.skipContainer()) return false;
    const end = r.pos;
    r.pos = at;
    const failed = this.tags(true);
    r.pos = end;
    return failed;
  }

  private stringList(): void {
    const r = this.reader;
    if (!this.listStart()) return;
    do {
      if (r.peek() !== QUOTE) throw notHandled('a span warning is not a string');
      r.string();
    } while (r.nextItem());
  }

  /** `null`, `[]` (false) or the start of a list with items (true, at the first item). */
  listStart(): boolean {
    const r = this.reader;
    if (r.peek() === OPEN_ARRAY) {
      r.pos++;
      return r.firstItem();
    }
    r.null('a list was expected');
    return false;
  }
}

const Key = { Other: 0, Error: 1, StatusCode: 2 } as const;
type Key = (typeof Key)[keyof typeof Key];

const Type = { Absent: 0, String: 1, Bool: 2, Other: 3 } as const;
type Type = (typeof Type)[keyof typeof Type];

const Value = { Other: 0, True: 1, TrueText: 2, ErrorText: 3 } as const;
type Value = (typeof Value)[keyof typeof Value];
