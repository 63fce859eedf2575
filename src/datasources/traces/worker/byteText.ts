/**
 * Text from UTF-8 bytes, for the JSON byte reader (byteJson.ts): the few strings the quick
 * look at a trace keeps, made without decoding more than they span.
 */

const decoder = new TextDecoder();

/** True if the ASCII `bytes[start, end)` spell `literal`. */
export function spells(bytes: Uint8Array, start: number, end: number, literal: string): boolean {
  if (end - start !== literal.length) return false;
  for (let k = 0; k < literal.length; k++) {
    if (bytes[start + k] !== literal.charCodeAt(k)) return false;
  }
  return true;
}

/** The text of the ASCII `bytes[start, end)`. */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
  // Span ids are 16 or 32 hex digits: one call with the characters as arguments is several
  // times faster than decoding a view (measured on 100k-span traces).
  const length = end - start;
  if (length === 16) return ascii16(bytes, start);
  if (length === 32) return ascii16(bytes, start) + ascii16(bytes, start + 16);
  return decoder.decode(bytes.subarray(start, end));
}

/** The text of a JSON string whose content (quotes excluded) is `bytes[start, end)`. */
export function jsonStringText(bytes: Uint8Array, start: number, end: number): string {
  return JSON.parse(decoder.decode(bytes.subarray(start - 1, end + 1))) as string;
}

/**
 * One shared instance per distinct text: names (operations, process ids) repeat on every
 * span, so most are found by their bytes without making a new string.
 */
export class NameCache {
  private readonly names = new Map<number, string>();

  /** The text of the ASCII `bytes[start, end)`. */
  intern(bytes: Uint8Array, start: number, end: number): string {
    let hash = end - start;
    for (let k = start; k < end; k++) hash = (Math.imul(hash, 31) + (bytes[k] as number)) | 0;
    const hit = this.names.get(hash);
    if (hit !== undefined && spells(bytes, start, end, hit)) return hit;
    const text = asciiText(bytes, start, end);
    this.names.set(hash, text);
    return text;
  }
}

function ascii16(b: Uint8Array, s: number): string {
  const at = (k: number) => b[s + k] as number;
  // prettier-ignore
  return String.fromCharCode(
    at(0), at(1), at(2), at(3), at(4), at(5), at(6), at(7),
    at(8), at(9), at(10), at(11), at(12), at(13), at(14), at(15),
  );
}
