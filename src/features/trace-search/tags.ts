/**
 * Tag filters as people type them in Jaeger UI: `key=value` pairs separated by spaces, logfmt
 * style. Keys and values may be double-quoted (with `\"` and `\\` escapes) to hold spaces or
 * `=`; an unquoted value runs to the next space and may itself contain `=`.
 */

export interface ParsedTags {
  readonly tags: Readonly<Record<string, string>>;
  /** One readable message per pair that could not be read; such pairs are left out. */
  readonly errors: readonly string[];
}

interface Part {
  readonly text: string;
  readonly end: number;
  readonly quoted: boolean;
  readonly error?: string;
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

export function parseTags(input: string): ParsedTags {
  const tags = new Map<string, string>();
  const errors: string[] = [];
  let i = 0;
  while (i < input.length) {
    while (isSpace(input[i])) i++;
    if (i >= input.length) break;

    const key = readPart(input, i, true);
    i = key.end;
    if (key.error) {
      errors.push(key.error);
      break;
    }
    if (input[i] !== '=') {
      errors.push(`Expected key=value, got “${key.text}”.`);
      i = skipToSpace(input, i);
      continue;
    }
    if (key.text === '') {
      errors.push('A tag needs a key before “=”.');
      i = skipToSpace(input, i + 1);
      continue;
    }
    const value = readPart(input, i + 1, false);
    i = value.end;
    if (value.error) {
      errors.push(value.error);
      break;
    }
    if (value.text === '' && !value.quoted) {
      errors.push(`“${key.text}” has no value; write ${key.text}="" to match an empty value.`);
      continue;
    }
    if (tags.has(key.text)) errors.push(`“${key.text}” is given twice; the last value is used.`);
    tags.set(key.text, value.text);
  }
  return { tags: Object.fromEntries(tags), errors };
}

/** The text `parseTags` reads back into the same tags; quotes only where needed. */
export function formatTags(tags: Readonly<Record<string, string>>): string {
  return Object.entries(tags)
    .map(([key, value]) => `${quoteIfNeeded(key, true)}=${quoteIfNeeded(value, false)}`)
    .join(' ');
}

function readPart(input: string, start: number, stopAtEquals: boolean): Part {
  if (input[start] === '"') return readQuoted(input, start);
  let i = start;
  while (i < input.length && !isSpace(input[i]) && !(stopAtEquals && input[i] === '=')) i++;
  return { text: input.slice(start, i), end: i, quoted: false };
}

function readQuoted(input: string, start: number): Part {
  let text = '';
  let i = start + 1;
  while (i < input.length) {
    const ch = input[i] as string;
    if (ch === '\\' && i + 1 < input.length) {
      text += input[i + 1];
      i += 2;
      continue;
    }
    if (ch === '"') return { text, end: i + 1, quoted: true };
    text += ch;
    i++;
  }
  return {
    text,
    end: i,
    quoted: true,
    error: `A quote opened at character ${start + 1} is never closed.`,
  };
}

function skipToSpace(input: string, start: number): number {
  let i = start;
  while (i < input.length && !isSpace(input[i])) i++;
  return i;
}

function quoteIfNeeded(text: string, isKey: boolean): string {
  const plain = isKey ? /^[^\s"=]+$/ : /^[^\s"]+$/;
  return plain.test(text) ? text : `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
