/**
 * Builds CSV text (RFC 4180): comma-separated, CRLF line endings, a header row, and fields
 * quoted when they contain a quote, comma, CR or LF (quotes doubled inside).
 *
 * `columns` picks and orders the columns; by default every key seen in `rows`, in the order
 * first seen. Missing, null and undefined values are empty; Dates are ISO 8601; objects and
 * arrays are JSON.
 *
 * Spreadsheets run a cell that starts with =, +, -, @, tab or CR as a formula, so a value like
 * `=HYPERLINK(…)` from a backend could run on the reader's machine ("CSV injection"). Such
 * cells get a leading apostrophe, which spreadsheets show as text. Plain numbers such as
 * `-12.5` or `+3e-4` are left alone.
 */
export function toCsv(
  rows: ReadonlyArray<Record<string, unknown>>,
  columns?: readonly string[],
): string {
  const header = columns ?? columnsOf(rows);
  const lines = [header, ...rows.map((row) => header.map((column) => row[column]))].map((cells) =>
    cells.map((cell) => escapeField(neutralizeFormula(cellText(cell)))).join(','),
  );
  return `${lines.join('\r\n')}\r\n`;
}

function columnsOf(rows: ReadonlyArray<Record<string, unknown>>): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value) ?? '';
    } catch {
      // Circular structures cannot be written out; an empty cell beats a failed export.
      return '';
    }
  }
  return '';
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function escapeField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
