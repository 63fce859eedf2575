/** Small text helpers of the streaming JSON parser. */

const BACKSLASH = 0x5c;

/** Index of the quote that ends the string whose content starts at `from`, or -1. */
export function stringEnd(text: string, from: number): number {
  let k = text.indexOf('"', from);
  while (k >= 0) {
    let slashes = 0;
    for (let b = k - 1; text.charCodeAt(b) === BACKSLASH; b--) slashes++;
    if (slashes % 2 === 0) return k;
    k = text.indexOf('"', k + 1);
  }
  return -1;
}

export function parseSegment(text: string, offset: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SyntaxError(`${reason} (in the segment starting at character ${offset})`);
  }
}

/** Like JSON.parse: "__proto__" is an ordinary key, never the prototype. */
export function defineMember(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
