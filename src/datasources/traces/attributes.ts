import type { Attr, AttrValue } from './model';

export const NO_ATTRS: readonly Attr[] = Object.freeze([]);

/** The value of the first attribute with this key, or undefined. */
export function findAttr(attrs: readonly Attr[], key: string): AttrValue | undefined {
  for (let i = 0; i < attrs.length; i++) {
    const attr = attrs[i];
    if (attr !== undefined && attr.key === key) return attr.value;
  }
  return undefined;
}

const INTEGER = /^-?\d+$/;

/** An int64 from JSON (number or decimal string): a number when exact, else its text. */
export function int64Value(raw: string | number): AttrValue {
  if (typeof raw === 'number') return raw;
  if (!INTEGER.test(raw)) return raw;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : { type: 'int64', text: raw };
}

/** A double from JSON; proto3 JSON sends NaN and the infinities as strings. */
export function doubleValue(raw: string | number): AttrValue {
  if (typeof raw === 'number') return raw;
  const n = Number(raw);
  return Number.isNaN(n) && raw !== 'NaN' ? raw : n;
}

/** Reads a value as a number if it is one or is numeric text (token counts, costs). */
export function numericValue(value: AttrValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'type' in value) {
    if (value.type === 'int64') return Number(value.text);
  }
  return null;
}

export function stringValue(value: AttrValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/** Display text for any attribute value, computed only when something is rendered. */
export function formatAttrValue(value: AttrValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatNested).join(', ')}]`;
  const tagged = value as Exclude<
    AttrValue,
    string | number | boolean | null | readonly AttrValue[]
  >;
  switch (tagged.type) {
    case 'int64':
      return tagged.text;
    case 'bytes':
      return tagged.base64;
    case 'kvlist':
      return `{${tagged.values.map((a) => `${a.key}: ${formatNested(a.value)}`).join(', ')}}`;
  }
}

function formatNested(value: AttrValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : formatAttrValue(value);
}
