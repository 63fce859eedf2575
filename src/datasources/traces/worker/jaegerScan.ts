import { ByteReader, NeedMoreBytes, NotHandled, notHandled } from './byteJson';
import { emptyScan, JaegerFieldReader } from './jaegerFields';
import type { ScannedTrace } from './jaegerFields';

export type { ScannedRef, ScannedTrace } from './jaegerFields';

/**
 * A quick first look at a Jaeger API response, read from its bytes as they arrive: only what
 * the waterfall draws (ids, parents, times, process, operation, whether a span failed or has
 * logs). The engine's worker runs it as the bytes arrive, so the rows can be drawn without
 * waiting for `JSON.parse` of the whole body and the data layer's conversion.
 *
 * It reads what the Jaeger adapter (datasources/traces/adapters/jaeger.ts) reads the same
 * way, and gives up on what would make the adapter warn, repair or skip: several traces, an
 * `errors` list, a span without its id or times, a process that is missing, invalid JSON.
 * The full parse then stands alone, as it would without this scanner. For speed it does not
 * look inside tags and logs beyond what it needs, so a malformed tag or log, which the adapter
 * drops with a warning, shows only in the full parse's overview; the page then takes that one
 * (see `TraceHandle.complete`).
 */

const OPEN_OBJECT = 123;
const OPEN_ARRAY = 91;
const QUOTE = 34;
const NULL = 110;

const State = {
  Start: 0,
  TopMember: 1,
  AfterTopMember: 2,
  FirstTrace: 3,
  TraceMember: 4,
  AfterTraceMember: 5,
  AfterTrace: 6,
  FirstSpan: 7,
  AfterSpan: 8,
  End: 9,
} as const;
type State = (typeof State)[keyof typeof State];

/** Bytes of a new chunk first joined to the unread end of the last (grown if a unit is longer). */
const SEAM_BYTES = 4096;

const ENVELOPE_NUMBERS = new Set(['total', 'limit', 'offset']);
const TRACE_KEYS = new Set(['traceID', 'spans', 'processes', 'warnings']);
/** Members that make `detectAndParse` read the document as another format. */
const OTHER_FORMATS = new Set(['resourceSpans', 'batches', 'trace', 'result']);

export class JaegerScanner {
  private readonly reader = new ByteReader();
  private state: State = State.Start;
  /** Where the next unit starts in `reader.bytes`: everything before it is read. */
  private offset = 0;
  private failure: string | null = null;
  private readonly topKeys = new Set<string>();
  private readonly traceKeys = new Set<string>();
  private readonly scanned: ScannedTrace = emptyScan();
  private readonly fields = new JaegerFieldReader(this.reader, this.scanned);
  /** A bare trace: its members are the document's. */
  private bare = false;
  private afterSpans: State = State.AfterTraceMember;

  /** Why it gave up, or null while it is still reading. */
  get reason(): string | null {
    return this.failure;
  }

  /** Reads the next bytes of the body. Returns false once it has given up. */
  push(chunk: Uint8Array): boolean {
    if (this.failure !== null) return false;
    const r = this.reader;
    const rest = r.bytes;
    r.bytes = chunk;
    this.offset = 0;
    try {
      // The unit cut at the chunk's start is finished on a small joined copy; the rest of the
      // chunk (up to megabytes) is then read in place.
      if (rest.length > 0) this.readSeam(rest, chunk);
      this.run(Infinity);
    } catch (error) {
      if (!(error instanceof NeedMoreBytes)) this.giveUp(error);
    } finally {
      // Keep a copy of what is left: the chunk itself is handed on to the parser.
      if (this.failure === null) {
        r.bytes = r.bytes.slice(this.offset);
        this.offset = 0;
      }
    }
    return this.failure === null;
  }

  /**
   * Reads on `rest` and the chunk's first bytes, joined, until the unit that spans them is
   * done; then points the reader at the chunk, after that unit. Throws `NEED_MORE` (the
   * reader left on the joined bytes) if the whole chunk does not finish it.
   */
  private readSeam(rest: Uint8Array, chunk: Uint8Array): void {
    const r = this.reader;
    for (let take = Math.min(chunk.length, SEAM_BYTES); ; take = Math.min(chunk.length, take * 4)) {
      const seam = new Uint8Array(rest.length + take);
      seam.set(rest);
      seam.set(chunk.subarray(0, take), rest.length);
      r.bytes = seam;
      this.offset = 0;
      try {
        this.run(rest.length);
        const into = this.offset - rest.length;
        r.bytes = chunk;
        this.offset = into;
        return;
      } catch (error) {
        if (!(error instanceof NeedMoreBytes) || take === chunk.length) throw error;
      }
    }
  }

  /** The body has ended: the trace, or null if it gave up (see `reason`). */
  finish(): ScannedTrace | null {
    this.failure ??= this.missing();
    return this.failure === null ? this.scanned : null;
  }

  /** What a complete document lacks for an overview, or null. */
  private missing(): string | null {
    const s = this.scanned;
    if (this.state !== State.End) return 'the body ended early';
    if (this.bare && this.topKeys.has('data')) return 'the document is both a trace and a response';
    if (!this.traceKeys.has('traceID')) return 'the trace has no traceID';
    if (s.spanIds.length === 0) return 'the trace has no spans';
    if (!this.traceKeys.has('processes')) return 'the trace has no processes';
    if (s.processIds.some((id) => !s.services.has(id)))
      return 'a span refers to a process that is not in the trace';
    return null;
  }

  private giveUp(error: unknown): void {
    this.failure = error instanceof NotHandled ? error.message : `scanner error: ${String(error)}`;
    this.reader.bytes = new Uint8Array(0);
  }

  /**
   * Reads unit by unit; each completed unit moves `offset`, so a retry starts after it. Stops
   * once `offset` reaches `until`, or throws `NEED_MORE` at the end of the bytes.
   */
  private run(until: number): void {
    const r = this.reader;
    for (;;) {
      r.pos = this.offset;
      switch (this.state) {
        case State.Start:
          if (r.peek() !== OPEN_OBJECT) throw notHandled('not a Jaeger API response');
          r.pos++;
          this.state = r.firstMember() ? State.TopMember : State.End;
          break;
        case State.TopMember:
          this.state = this.topMember();
          break;
        case State.AfterTopMember:
          this.state = r.nextMember() ? State.TopMember : State.End;
          break;
        case State.FirstTrace:
          if (!r.firstItem()) throw notHandled('the response holds no trace');
          r.expect(OPEN_OBJECT);
          if (!r.firstMember()) throw notHandled('the trace is empty');
          this.state = State.TraceMember;
          break;
        case State.TraceMember:
          this.state = this.traceMember();
          break;
        case State.AfterTraceMember:
          this.state = r.nextMember() ? State.TraceMember : State.AfterTrace;
          break;
        case State.AfterTrace:
          if (r.nextItem()) throw notHandled('the response holds several traces');
          this.state = State.AfterTopMember;
          break;
        case State.FirstSpan:
          if (r.firstItem()) {
            this.fields.span();
            this.state = State.AfterSpan;
          } else {
            this.state = this.afterSpans;
          }
          break;
        case State.AfterSpan:
          if (r.nextItem()) this.fields.span();
          else this.state = this.afterSpans;
          break;
        case State.End:
          r.peek();
          throw notHandled('not valid JSON: text after the document');
      }
      this.offset = r.pos;
      if (this.offset >= until) return;
    }
  }

  /**
   * Reads one member of the document: the envelope's (`data`…) or, in a bare trace (Jaeger
   * UI's download), the trace's. Returns the next state; nothing changes before its end.
   */
  private topMember(): State {
    const r = this.reader;
    r.key();
    const key = r.lastText();
    if (this.topKeys.has(key)) throw notHandled(`"${key}" appears twice`);
    let next: State = State.AfterTopMember;
    if (key === 'data') {
      r.expect(OPEN_ARRAY);
      next = State.FirstTrace;
    } else if (TRACE_KEYS.has(key)) {
      next = this.traceValue(key, State.AfterTopMember);
      this.bare = true;
    } else if (ENVELOPE_NUMBERS.has(key)) {
      const c = r.peek();
      if (c === NULL) r.literal(c);
      // The envelope's schema takes finite numbers only (1e400 is Infinity).
      else if (!Number.isFinite(r.number())) throw notHandled(`"${key}" is not a finite number`);
    } else if (key === 'errors') {
      if (this.fields.listStart()) throw notHandled('the response reports errors');
    } else if (OTHER_FORMATS.has(key)) {
      throw notHandled(`"${key}" belongs to another format`);
    } else {
      r.skipValue();
    }
    this.topKeys.add(key);
    return next;
  }

  /** Reads one member of the trace in `data`; returns the next state. */
  private traceMember(): State {
    this.reader.key();
    return this.traceValue(this.reader.lastText(), State.AfterTraceMember);
  }

  /** The value of a trace's member; `after` is the state once it (or the span list) is read. */
  private traceValue(key: string, after: State): State {
    const r = this.reader;
    if (this.traceKeys.has(key)) throw notHandled(`"${key}" appears twice`);
    let next = after;
    if (key === 'spans') {
      r.expect(OPEN_ARRAY);
      this.afterSpans = after;
      next = State.FirstSpan;
    } else if (key === 'traceID') {
      if (r.peek() !== QUOTE) throw notHandled('traceID is not a string');
      r.string();
      this.scanned.traceId = r.lastText();
    } else if (key === 'processes') {
      // Only a complete object counts: a retry after more bytes reads it again from the start.
      this.scanned.services = this.fields.processes();
    } else if (key === 'warnings') {
      if (this.fields.listStart()) throw notHandled('the trace has warnings');
    } else {
      r.skipValue();
    }
    this.traceKeys.add(key);
    return next;
  }
}
