/**
 * Span and trace ids are normalised to lowercase hex. OTLP/JSON says hex, but protobuf-JSON
 * gateways (Tempo, Jaeger API v3) send the raw bytes as base64; the two cannot be confused
 * because 8/16 bytes are 16/32 hex characters but 11-12/22-24 base64 characters.
 */

const BASE64_DIGITS = (() => {
  const table = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  // The URL-safe alphabet turns up in some gateways.
  table['-'.charCodeAt(0)] = 62;
  table['_'.charCodeAt(0)] = 63;
  return table;
})();

const HEX_BYTES = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Decodes base64 (standard or URL-safe, padded or not) to lowercase hex; null if not base64. */
export function base64ToHex(text: string): string | null {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end === 0 || end % 4 === 1) return null;
  let acc = 0;
  let bits = 0;
  let out = '';
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? (BASE64_DIGITS[code] ?? -1) : -1;
    if (digit < 0) return null;
    acc = ((acc << 6) | digit) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += HEX_BYTES[(acc >> bits) & 0xff];
    }
  }
  return out;
}

/** Jaeger and Zipkin ids: hex is lowercased, anything else ("span-1") is kept as sent. */
export function normalizeHexId(raw: string): string {
  let upper = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 102)) continue;
    if (c >= 65 && c <= 70) upper = true;
    else return raw;
  }
  // A new string only when there is something to change: ids are hot on big traces.
  return upper ? raw.toLowerCase() : raw;
}

/**
 * OTLP-family ids (OTLP/JSON, Tempo, Jaeger API v3): 16/32 hex characters, or base64 of 8/16
 * bytes. Returns null for anything else so the caller can keep the raw text and warn.
 */
export function normalizeOtlpId(raw: string): string | null {
  if (raw.length === 16 || raw.length === 32) {
    const hex = normalizeHexId(raw);
    if (hex !== raw || isLowerHex(raw)) return hex;
  }
  const hex = base64ToHex(raw);
  if (hex !== null && (hex.length === 16 || hex.length === 32)) return hex;
  return null;
}

function isLowerHex(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

const ZERO_ID = /^0+$/;

/** Empty and all-zero parent ids both mean "no parent" (OTLP uses both). */
export function isAbsentId(id: string | null | undefined): boolean {
  return id === null || id === undefined || id === '' || ZERO_ID.test(id);
}
