/**
 * Stateless hashing used for every bit of randomness in the simulator. Each value is a pure
 * function of its inputs, so any instant can be evaluated without replaying history.
 */

/** Murmur3's 32-bit finaliser: a cheap, well-distributed integer mix. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two integers into one hash; order matters. */
export function hash2(a: number, b: number): number {
  return mix32(mix32(a) ^ Math.imul(b | 0, 0x9e3779b1) ^ Math.floor(b / 4294967296));
}

/** FNV-1a over a string's UTF-16 code units, mixed for better avalanche. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/**
 * A uniform number in [0, 1) from an already well-mixed key and a small integer index
 * (|index| < 2^31). One mixing round instead of two: this sits on the hot path of every sample.
 */
export function knotHash(key: number, index: number): number {
  return mix32(key ^ Math.imul(index, 0x9e3779b1)) / 4294967296;
}

/** A uniform number in [0, 1) determined by (key, index). */
export function unitHash(key: number, index: number): number {
  return hash2(key, index) / 4294967296;
}

/** Picks an index in [0, length) determined by (key, index). */
export function pickIndex(key: number, index: number, length: number): number {
  return Math.min(length - 1, Math.floor(unitHash(key, index) * length));
}

/** 32 lowercase hex digits (a W3C trace id) determined by (key, index). */
export function hexId(key: number, index: number, digits = 32): string {
  let out = '';
  let h = hash2(key, index);
  while (out.length < digits) {
    out += h.toString(16).padStart(8, '0');
    h = mix32(h ^ 0x5bd1e995);
  }
  return out.slice(0, digits);
}
