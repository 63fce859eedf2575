import type { SpanFlags } from '@/datasources/traces';

/** Values longer than this are cut, with a button to show all of it. */
export const SHORT_VALUE_CHARS = 240;

export interface ShortValue {
  text: string;
  /** Characters left out; 0 when the value is shown whole. */
  hidden: number;
}

export function shorten(value: string, limit = SHORT_VALUE_CHARS): ShortValue {
  if (value.length <= limit) return { text: value, hidden: 0 };
  return { text: value.slice(0, limit), hidden: value.length - limit };
}

/** A cheap look at the ends only: the value is parsed when the user asks, never before. */
export function looksLikeJson(value: string): boolean {
  const text = value.trim();
  if (text.length < 2) return false;
  const first = text[0];
  const last = text[text.length - 1];
  return (first === '{' && last === '}') || (first === '[' && last === ']');
}

export type Formatted = { ok: true; text: string } | { ok: false; error: string };

/** Pretty-prints JSON text; says why when it is not JSON. */
export function formatJson(value: string): Formatted {
  try {
    return { ok: true, text: JSON.stringify(JSON.parse(value), null, 2) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const FLAG_TEXT: Record<keyof SpanFlags, string> = {
  orphan:
    'Orphan: its parent span is not in this trace (not sent, dropped or still in flight), so it is shown as a root.',
  duplicateId:
    'Duplicate id: another span in this trace has the same span id. Both are shown; children attach to the first.',
  clockSkew:
    'Clock skew: it starts before its parent starts, so the two hosts’ clocks probably disagree. Times are shown as recorded, not shifted.',
  outlivesParent:
    'Outlives its parent: it ends after its parent ended (for example work the parent did not wait for).',
  cycle:
    'Parent loop: the parent ids of this span and its ancestors form a loop; it was cut here and the span is shown as a root.',
};

/** Each anomaly flagged on a span, explained in words. */
export function explainFlags(flags: SpanFlags): string[] {
  return (Object.keys(FLAG_TEXT) as Array<keyof SpanFlags>)
    .filter((flag) => flags[flag] === true)
    .map((flag) => FLAG_TEXT[flag]);
}
