/**
 * Parses a JSON document while it downloads, so parsing a 50 MB trace overlaps its transfer.
 *
 * The scanner only tracks nesting and string boundaries; the values themselves are parsed by
 * the native `JSON.parse`, one segment of a few hundred kilobytes at a time. A container stays
 * unparsed text until one of its segments grows past `segmentChars`; it is then built piece by
 * piece (members parsed in batches, big children adopted as they close), and so are all its
 * ancestors. Everything else is parsed whole when its outermost unparsed container closes.
 * For a Jaeger response this means the `spans` array is parsed a thousand spans at a time as
 * the bytes arrive, and the memory held is the current segment, not the whole text.
 *
 * The result is the value `JSON.parse` of the whole text would give; several top-level values
 * separated by whitespace (NDJSON) give an array of them. Invalid JSON throws a `SyntaxError`.
 */

import { defineMember, parseSegment, stringEnd } from './jsonText';

const QUOTE = 0x22;
const COMMA = 0x2c;
/** Frames record their opening character; the closing one is two code points further. */
const OBJECT = 0x7b;
const ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

export const DEFAULT_SEGMENT_CHARS = 512 * 1024;

type Built = unknown[] | Record<string, unknown>;

export class StreamingJsonParser {
  private readonly segmentChars: number;
  /** Text not yet parsed; `buffer[0]` is at absolute offset `base`. */
  private buffer = '';
  private base = 0;
  /** Absolute offset of the next character to scan. */
  private pos = 0;
  private inString = false;
  /**
   * The stack of open containers, as parallel arrays. Frames `[0, builtCount)` are being built
   * piece by piece; the ones above are still plain text (a built frame's ancestors are built).
   */
  private depth = 0;
  private builtCount = 0;
  private kind = new Uint8Array(64);
  private start = new Float64Array(64);
  /** Where the not-yet-parsed members of a frame begin. */
  private segmentStart = new Float64Array(64);
  /** Just after the last comma (or the opening bracket): where the current member begins. */
  private memberStart = new Float64Array(64);
  /** 1 after a built child closed, until the comma that ends its member. */
  private afterChild = new Uint8Array(64);
  private readonly built: Built[] = [];
  private readonly pendingKey: string[] = [];
  private readonly roots: unknown[] = [];
  /** A top-level value that is not an object or array: kept as text and parsed at the end. */
  private scalarRoot = false;
  /** Set while segments of an array of objects are found without scanning (see `skipAhead`). */
  private skip: { frame: number; separator: string } | null = null;
  private ended = false;

  constructor({ segmentChars = DEFAULT_SEGMENT_CHARS }: { segmentChars?: number } = {}) {
    this.segmentChars = segmentChars;
  }

  /** Characters received so far. */
  get length(): number {
    return this.base + this.buffer.length;
  }

  /** Top-level JSON values read so far (more than one in NDJSON). */
  get documents(): number {
    return this.roots.length + (this.scalarRoot ? 1 : 0);
  }

  /** Characters received but not parsed yet (what is held in memory). */
  get pendingChars(): number {
    return this.length - this.retainFrom();
  }

  push(chunk: string): void {
    if (chunk === '') return;
    const keep = this.retainFrom();
    this.buffer = this.buffer.slice(keep - this.base) + chunk;
    this.base = keep;
    this.advance();
  }

  /** The parsed document; throws if the text ended inside a value. */
  finish(): unknown {
    this.ended = true;
    if (this.skip) {
      this.leaveSkipMode(this.skip.frame);
      this.advance();
    }
    if (this.scalarRoot) return JSON.parse(this.buffer);
    if (this.depth > 0 || this.inString) {
      throw new SyntaxError(`Unexpected end of JSON input at character ${this.length}`);
    }
    if (this.roots.length === 0) throw new SyntaxError('Unexpected end of JSON input');
    return this.roots.length === 1 ? this.roots[0] : this.roots;
  }

  private advance(): void {
    for (;;) {
      if (this.skip) {
        if (!this.skipAhead(this.skip.frame, this.skip.separator)) return;
      } else {
        this.scan();
        if (!this.skip) return;
      }
    }
  }

  private retainFrom(): number {
    if (this.scalarRoot) return this.base;
    if (this.builtCount > 0) return this.segmentStart[this.builtCount - 1] as number;
    return this.depth > 0 ? (this.start[0] as number) : this.pos;
  }

  /**
   * The hot loop: one pass over every character outside strings (strings are skipped with
   * `indexOf`). Opening and closing text containers and commas inside them stay inline; only
   * built frames and segment boundaries leave the loop.
   */
  private scan(): void {
    if (this.scalarRoot) return;
    const text = this.buffer;
    const base = this.base;
    const end = text.length;
    const limit = this.segmentChars;
    let i = this.pos - base;
    if (this.inString) {
      i = stringEnd(text, i);
      if (i < 0) {
        this.pos = base + end;
        return;
      }
      this.inString = false;
      i++;
    }
    let depth = this.depth;
    let builtCount = this.builtCount;
    let { kind, start, segmentStart, memberStart } = this;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        if (depth === 0) return this.startScalarRoot(text, i);
        const close = stringEnd(text, i + 1);
        if (close < 0) {
          this.inString = true;
          break;
        }
        i = close;
      } else if (c === COMMA) {
        if (depth === 0) return this.startScalarRoot(text, i);
        const d = depth - 1;
        const at = base + i;
        memberStart[d] = at + 1;
        if (d < builtCount || at - (segmentStart[d] as number) >= limit) {
          this.comma(d, at);
          builtCount = this.builtCount;
          if (this.skip) {
            this.depth = depth;
            return;
          }
        }
      } else if (c === OBJECT || c === ARRAY) {
        if (depth === kind.length) {
          this.grow();
          ({ kind, start, segmentStart, memberStart } = this);
        }
        if (depth > 0 && depth <= builtCount && this.afterChild[depth - 1] === 1) {
          throw new SyntaxError(`Expected ',' before character ${base + i}`);
        }
        kind[depth] = c;
        start[depth] = base + i;
        segmentStart[depth] = base + i + 1;
        memberStart[depth] = base + i + 1;
        depth++;
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        const d = depth - 1;
        if (d < 0 || kind[d] !== c - 2) {
          throw new SyntaxError(`Unexpected '${text[i]}' at character ${base + i}`);
        }
        if (d > 0 && d >= builtCount) {
          depth = d;
        } else {
          this.depth = depth;
          this.close(d, base + i);
          depth = this.depth;
          builtCount = this.builtCount;
        }
      } else if (depth === 0 && c > 0x20) {
        return this.startScalarRoot(text, i);
      }
    }
    this.depth = depth;
    this.pos = base + end;
  }

  private startScalarRoot(text: string, i: number): void {
    if (this.roots.length > 0) {
      throw new SyntaxError(`Unexpected '${text[i]}' at character ${this.base + i}`);
    }
    this.scalarRoot = true;
    this.pos = this.base + text.length;
  }

  /** A comma in a built frame, or one that ends a segment long enough to parse. */
  private comma(d: number, at: number): void {
    if (d < this.builtCount && this.afterChild[d] === 1) {
      this.expectBlank(this.segmentStart[d] as number, at);
      this.afterChild[d] = 0;
      this.segmentStart[d] = at + 1;
      return;
    }
    if (at - (this.segmentStart[d] as number) < this.segmentChars) return;
    this.materialize(d);
    this.parseMembers(d, this.segmentStart[d] as number, at);
    this.segmentStart[d] = at + 1;
    if (this.kind[d] === ARRAY && !this.ended) this.armSkip(d, at);
  }

  /**
   * Scanning every character costs about as much as parsing them. In a long array of objects
   * (the spans) the scan can be skipped: the next segment boundary is guessed by searching for
   * the text that separated the last two elements (`,{"traceID"` in a compact Jaeger file), and
   * the guess is proved by parsing the segment. `[` + text + `]` parses only if the text is a
   * whole number of elements, since the segment starts at a known boundary and JSON reads
   * deterministically; a separator found inside a string fails to parse and the search goes on.
   */
  private armSkip(frame: number, comma: number): void {
    const element = this.start[frame + 1] as number;
    if (element <= (this.start[frame] as number) || this.slice(element, element + 1) !== '{')
      return;
    const text = this.buffer;
    let gapStart = element - this.base;
    while (gapStart > 0 && text.charCodeAt(gapStart - 1) <= 0x20) gapStart--;
    let keyStart = element - this.base + 1;
    while (text.charCodeAt(keyStart) <= 0x20) keyStart++;
    const keyEnd = text.charCodeAt(keyStart) === QUOTE ? stringEnd(text, keyStart + 1) : -1;
    if (keyEnd < 0 || keyEnd > comma - this.base) return;
    const separator = `,${text.slice(gapStart, keyEnd + 1)}`;
    this.skip = { frame, separator };
  }

  /** Returns true when skipping ends and scanning must resume, false to wait for more text. */
  private skipAhead(frame: number, separator: string): boolean {
    const text = this.buffer;
    const base = this.base;
    let failures = 0;
    let searchFrom = (this.segmentStart[frame] as number) + this.segmentChars - base;
    for (;;) {
      const segment = (this.segmentStart[frame] as number) - base;
      const found = searchFrom < text.length ? text.indexOf(separator, searchFrom) : -1;
      if (found < 0) {
        // Far past the expected boundary without one: the array has probably ended.
        if (text.length - searchFrom > 2 * this.segmentChars) break;
        return false;
      }
      let items: unknown[] | null = null;
      try {
        items = JSON.parse(`[${text.slice(segment, found)}]`) as unknown[];
      } catch {
        if (++failures > 2) break;
        searchFrom = found + 1;
        continue;
      }
      const target = this.built[frame] as unknown[];
      for (let i = 0; i < items.length; i++) target.push(items[i]);
      this.segmentStart[frame] = base + found + 1;
      this.memberStart[frame] = base + found + 1;
      failures = 0;
      searchFrom = found + 1 + this.segmentChars;
    }
    this.leaveSkipMode(frame);
    return true;
  }

  private leaveSkipMode(frame: number): void {
    this.skip = null;
    this.depth = frame + 1;
    this.pos = this.segmentStart[frame] as number;
    this.inString = false;
  }

  /** Closes a built frame, or the outermost text frame (a whole top-level value). */
  private close(d: number, at: number): void {
    let value: unknown;
    if (d >= this.builtCount) {
      value = JSON.parse(this.slice(this.start[d] as number, at + 1));
    } else {
      const from = this.segmentStart[d] as number;
      if (this.afterChild[d] === 1) this.expectBlank(from, at);
      else if (from > (this.start[d] as number) + 1 && this.isBlank(from, at)) {
        throw new SyntaxError(`Unexpected '${this.slice(at, at + 1)}' at character ${at}`);
      } else this.parseMembers(d, from, at);
      value = this.built[d];
      this.builtCount = d;
    }
    this.depth = d;
    if (d === 0) this.roots.push(value);
    else this.adopt(d - 1, value, at + 1);
  }

  /** A child built piece by piece closed: it becomes a member of its (built) parent. */
  private adopt(parent: number, value: unknown, after: number): void {
    const target = this.built[parent] as Built;
    if (Array.isArray(target)) target.push(value);
    else defineMember(target, this.pendingKey[parent] as string, value);
    this.afterChild[parent] = 1;
    this.segmentStart[parent] = after;
  }

  /** Turns frame `d` and every ancestor still in text into containers built piece by piece. */
  private materialize(d: number): void {
    for (let f = this.builtCount; f <= d; f++) {
      if (f > 0) this.openChildOf(f - 1, this.start[f] as number);
      this.built[f] = this.kind[f] === ARRAY ? [] : {};
      this.afterChild[f] = 0;
    }
    this.builtCount = d + 1;
  }

  /** The parent's members before the child are parsed; for an object the child's key is read. */
  private openChildOf(parent: number, childStart: number): void {
    const memberStart = this.memberStart[parent] as number;
    const before = memberStart - 1;
    if (before > (this.segmentStart[parent] as number)) {
      this.parseMembers(parent, this.segmentStart[parent] as number, before);
    }
    const head = this.slice(memberStart, childStart).trim();
    if (this.kind[parent] === ARRAY) {
      if (head !== '') throw new SyntaxError(`Unexpected '${head}' at character ${memberStart}`);
    } else {
      const name = head.endsWith(':') ? head.slice(0, -1).trim() : '';
      const key: unknown = name.startsWith('"') ? parseSegment(name, memberStart) : undefined;
      if (typeof key !== 'string') {
        throw new SyntaxError(`Expected a property name at character ${memberStart}`);
      }
      this.pendingKey[parent] = key;
    }
    this.segmentStart[parent] = childStart;
  }

  private parseMembers(d: number, from: number, to: number): void {
    const text = this.slice(from, to);
    const target = this.built[d] as Built;
    if (Array.isArray(target)) {
      const items = parseSegment(`[${text}]`, from) as unknown[];
      for (let i = 0; i < items.length; i++) target.push(items[i]);
    } else {
      const members = parseSegment(`{${text}}`, from) as Record<string, unknown>;
      for (const key of Object.keys(members)) defineMember(target, key, members[key]);
    }
  }

  private slice(from: number, to: number): string {
    return this.buffer.slice(from - this.base, to - this.base);
  }

  private isBlank(from: number, to: number): boolean {
    return this.slice(from, to).trim() === '';
  }

  private expectBlank(from: number, to: number): void {
    const text = this.slice(from, to).trim();
    if (text !== '')
      throw new SyntaxError(`Unexpected '${text.slice(0, 20)}' at character ${from}`);
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const grown = <T extends Uint8Array | Float64Array>(old: T, next: T): T => {
      next.set(old);
      return next;
    };
    this.kind = grown(this.kind, new Uint8Array(size));
    this.start = grown(this.start, new Float64Array(size));
    this.segmentStart = grown(this.segmentStart, new Float64Array(size));
    this.memberStart = grown(this.memberStart, new Float64Array(size));
    this.afterChild = grown(this.afterChild, new Uint8Array(size));
  }
}
