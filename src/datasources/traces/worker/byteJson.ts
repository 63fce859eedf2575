/**
 * A JSON reader over UTF-8 bytes for the quick first look at a trace (see jaegerScan.ts). It
 * checks JSON's grammar as `JSON.parse` does, save two things, both for speed: raw control
 * characters inside strings without escapes are not looked for (a test per byte), and values
 * skimmed with `skipContainer` are checked only for their strings and brackets. The full
 * parse reports both. It builds no values: callers ask for the few strings and numbers they
 * need.
 *
 * It reads from a buffer that may end anywhere. Reaching its end throws `NEED_MORE`; the
 * caller then waits for more bytes and reads the value again from where it started.
 */

import { asciiText, jsonStringText, NameCache } from './byteText';

/** The bytes ended inside the value being read. */
export class NeedMoreBytes extends Error {}

/** The document is one the quick reader does not handle; the caller falls back to a full parse. */
export class NotHandled extends Error {}

// One instance, thrown often (at the end of every chunk): no stack trace to build each time.
export const NEED_MORE = new NeedMoreBytes('More bytes are needed');

const SPACE = 32;
const NEWLINE = 10;
const RETURN = 13;
const TAB = 9;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const NULL = 110;

/** Characters allowed after a backslash, besides `u`. */
const SIMPLE_ESCAPES = new Set([QUOTE, BACKSLASH, 47, 98, 102, 110, 114, 116]);
/** Deeper values than this are left to the full parser. */
const MAX_DEPTH = 256;

export class ByteReader {
  private buffer: Uint8Array = new Uint8Array(0);
  pos = 0;

  /** The last string read: its content's byte range, and whether it is ASCII without escapes. */
  private strStart = 0;
  private strEnd = 0;
  private strPlain: boolean | null = true;
  /** The first backslash at or after `escapeSearchedFrom` (-1: not searched yet). */
  private nextEscape = -1;
  private escapeSearchedFrom = 0;
  private readonly names = new NameCache();

  get bytes(): Uint8Array {
    return this.buffer;
  }

  set bytes(bytes: Uint8Array) {
    this.buffer = bytes;
    this.nextEscape = -1;
    this.escapeSearchedFrom = 0;
  }

  /** Skips whitespace and returns the next byte, without consuming it. */
  peek(): number {
    const b = this.bytes;
    const n = b.length;
    let i = this.pos;
    while (i < n) {
      const c = b[i] as number;
      if (c !== SPACE && c !== NEWLINE && c !== RETURN && c !== TAB) {
        this.pos = i;
        return c;
      }
      i++;
    }
    this.pos = i;
    throw NEED_MORE;
  }

  expect(byte: number): void {
    if (this.peek() !== byte) throw invalid();
    this.pos++;
  }

  /** After `{`: true if the object has a member (the reader is then at its key). */
  firstMember(): boolean {
    return this.opens(CLOSE_OBJECT);
  }

  /** After a member's value: true if another member follows. */
  nextMember(): boolean {
    return this.goesOn(CLOSE_OBJECT);
  }

  /** After `[`: true if the array has an item. */
  firstItem(): boolean {
    return this.opens(CLOSE_ARRAY);
  }

  nextItem(): boolean {
    return this.goesOn(CLOSE_ARRAY);
  }

  private opens(close: number): boolean {
    if (this.peek() !== close) return true;
    this.pos++;
    return false;
  }

  private goesOn(close: number): boolean {
    const c = this.peek();
    this.pos++;
    if (c === COMMA) return true;
    if (c === close) return false;
    throw invalid();
  }

  /** Reads `null`; anything else is a value of a kind the caller does not handle. */
  null(what: string): void {
    const c = this.peek();
    if (c !== NULL) throw notHandled(what);
    this.literal(c);
  }

  /** Reads a member's key and its colon; compare it with `lastIs`. */
  key(): void {
    if (this.peek() !== QUOTE) throw invalid();
    this.string();
    // Names are matched by their bytes; one spelled with escapes is left to the full parse.
    if (this.strPlain === false) throw notHandled('a member name holds an escape');
    this.expect(COLON);
  }

  /** Reads a string (the reader is at its opening quote); see `lastIs` and `lastText`. */
  string(): void {
    const b = this.bytes;
    const n = b.length;
    const start = this.pos + 1;
    let i = start;
    while (i < n && b[i] !== QUOTE) i++;
    if (i >= n) throw NEED_MORE;
    // Backslashes are rare: one native search finds the next, and only strings that hold one
    // take the slow, checking walk.
    if (start < this.escapeSearchedFrom) {
      // Back over bytes read before (tags skimmed, then read): search only those.
      const at = b.subarray(start, this.escapeSearchedFrom).indexOf(BACKSLASH);
      if (at >= 0) this.nextEscape = start + at;
      this.escapeSearchedFrom = start;
    } else if (this.nextEscape < start) {
      const at = b.indexOf(BACKSLASH, start);
      this.nextEscape = at < 0 ? Infinity : at;
      this.escapeSearchedFrom = start;
    }
    if (this.nextEscape < i) return this.escapedString(start);
    this.strStart = start;
    this.strEnd = i;
    this.strPlain = null;
    this.pos = i + 1;
  }

  private escapedString(start: number): void {
    const b = this.bytes;
    const n = b.length;
    let i = start;
    for (;;) {
      if (i >= n) throw NEED_MORE;
      const c = b[i] as number;
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        if (i + 1 >= n) throw NEED_MORE;
        const e = b[i + 1] as number;
        if (e === 117) {
          if (i + 5 >= n) throw NEED_MORE;
          for (let k = i + 2; k < i + 6; k++) if (!isHex(b[k] as number)) throw invalid();
          i += 6;
        } else if (SIMPLE_ESCAPES.has(e)) {
          i += 2;
        } else {
          throw invalid();
        }
        continue;
      }
      if (c < SPACE) throw invalid();
      i++;
    }
    this.strStart = start;
    this.strEnd = i;
    this.strPlain = false;
    this.pos = i + 1;
  }

  /**
   * The last string is ASCII without escapes (worked out when first asked). This and `lastIs`
   * run for every member name: written out here, not with byteText's helpers, they scan a
   * 100k-span trace about a tenth faster.
   */
  private plain(): boolean {
    if (this.strPlain === null) {
      const b = this.bytes;
      let plain = true;
      for (let k = this.strStart; k < this.strEnd; k++) {
        if ((b[k] as number) >= 128) {
          plain = false;
          break;
        }
      }
      this.strPlain = plain;
    }
    return this.strPlain;
  }

  /** A string, or null for `null`. Returns whether it was a string. */
  nullableString(): boolean {
    const c = this.peek();
    if (c === QUOTE) {
      this.string();
      return true;
    }
    this.null('a string was expected');
    return false;
  }

  /** True if the last string read is exactly `literal` (ASCII). */
  lastIs(literal: string): boolean {
    if (!this.plain()) return this.lastText() === literal;
    const length = this.strEnd - this.strStart;
    if (length !== literal.length) return false;
    const b = this.bytes;
    for (let k = 0; k < length; k++) {
      if (b[this.strStart + k] !== literal.charCodeAt(k)) return false;
    }
    return true;
  }

  lastText(): string {
    const { bytes, strStart, strEnd } = this;
    return this.plain()
      ? asciiText(bytes, strStart, strEnd)
      : jsonStringText(bytes, strStart, strEnd);
  }

  /** The last string read, as one shared instance per distinct text (see `NameCache`). */
  lastName(): string {
    const { strStart, strEnd } = this;
    if (strEnd - strStart > 64 || !this.plain()) return this.lastText();
    return this.names.intern(this.bytes, strStart, strEnd);
  }

  /** Length of the last string read, in bytes. */
  lastLength(): number {
    return this.strEnd - this.strStart;
  }

  /** Reads a number with JSON's grammar and returns its value, as `JSON.parse` would. */
  number(): number {
    const b = this.bytes;
    const n = b.length;
    const start = this.pos;
    let i = start;
    let simple = true;
    if (b[i] === MINUS) {
      simple = false;
      i++;
    }
    i = this.digits(i, true);
    if (b[i] === DOT) {
      simple = false;
      i = this.digits(i + 1, false);
    }
    if (b[i] === 101 || b[i] === 69) {
      simple = false;
      i++;
      if (b[i] === PLUS || b[i] === MINUS) i++;
      i = this.digits(i, false);
    }
    // A number may go on in the next chunk: it has ended only where something else starts.
    if (i >= n) throw NEED_MORE;
    this.pos = i;
    // Digits alone are summed exactly while the value stays a safe integer (times in µs have 16).
    if (simple && i - start <= 16) {
      let value = 0;
      for (let k = start; k < i; k++) value = value * 10 + ((b[k] as number) - ZERO);
      if (value <= Number.MAX_SAFE_INTEGER) return value;
    }
    return Number(String.fromCharCode.apply(null, b.subarray(start, i) as unknown as number[]));
  }

  /** A number, or a string holding one (Jaeger's int64 fields accept both). */
  numberOrString(): number {
    if (this.peek() === QUOTE) {
      this.string();
      return Number(this.lastText());
    }
    return this.number();
  }

  /** Skips any value, checking that it is valid JSON. */
  skipValue(depth = 0): void {
    const c = this.peek();
    if (c === QUOTE) return this.string();
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth > MAX_DEPTH) throw notHandled('values nested too deep');
      this.pos++;
      if (c === OPEN_OBJECT) {
        if (this.firstMember()) {
          do {
            this.key();
            this.skipValue(depth + 1);
          } while (this.nextMember());
        }
      } else if (this.firstItem()) {
        do this.skipValue(depth + 1);
        while (this.nextItem());
      }
      return;
    }
    if (c === MINUS || (c >= ZERO && c <= NINE)) {
      this.number();
      return;
    }
    this.literal(c);
  }

  /**
   * Skips an array or object (the reader is at its bracket) looking only at its strings and
   * brackets: the bulk of a trace is tags, and most spans need nothing from them. Returns
   * true if a string inside is exactly `error` or `ERROR`, or holds an escape (so might
   * spell one): the caller then reads it again in full.
   */
  skipContainer(): boolean {
    const b = this.bytes;
    const n = b.length;
    let i = this.pos;
    let depth = 0;
    let flagged = false;
    for (;;) {
      if (i >= n) throw NEED_MORE;
      const c = b[i] as number;
      if (c === QUOTE) {
        this.pos = i;
        this.string();
        i = this.pos;
        if (this.strPlain === false) flagged = true;
        else if (this.strEnd - this.strStart === 5 && isErrorWord(b, this.strStart)) flagged = true;
        continue;
      }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        depth--;
        if (depth === 0) {
          this.pos = i + 1;
          return flagged;
        }
      }
      i++;
    }
  }

  /** Reads `true`, `false` or `null`, whose first byte is `c`. */
  literal(c: number): void {
    const word = c === 116 ? 'true' : c === 102 ? 'false' : c === NULL ? 'null' : null;
    if (word === null) throw invalid();
    const b = this.bytes;
    for (let k = 0; k < word.length; k++) {
      const at = this.pos + k;
      if (at >= b.length) throw NEED_MORE;
      if (b[at] !== word.charCodeAt(k)) throw invalid();
    }
    this.pos += word.length;
  }

  private digits(from: number, integerPart: boolean): number {
    const b = this.bytes;
    const n = b.length;
    let i = from;
    if (i >= n) throw NEED_MORE;
    const first = b[i] as number;
    if (first < ZERO || first > NINE) throw invalid();
    i++;
    // No leading zeros in the integer part.
    if (integerPart && first === ZERO) return i;
    while (i < n && (b[i] as number) >= ZERO && (b[i] as number) <= NINE) i++;
    return i;
  }
}

/** `error` or `ERROR` at `s` (five bytes). */
function isErrorWord(b: Uint8Array, s: number): boolean {
  const first = b[s];
  const word = first === 101 ? 'error' : first === 69 ? 'ERROR' : null;
  if (word === null) return false;
  for (let k = 1; k < 5; k++) if (b[s + k] !== word.charCodeAt(k)) return false;
  return true;
}

function isHex(c: number): boolean {
  return (c >= ZERO && c <= NINE) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

export function invalid(): NotHandled {
  return new NotHandled('not valid JSON');
}

export function notHandled(reason: string): NotHandled {
  return new NotHandled(reason);
}
