import type { TraceWarning, TraceWarningCode } from './model';

/**
 * Trace warnings counted per (code, message): a problem repeated on 100k spans is one entry
 * with a count and the first span it was seen on.
 */
export class WarningTally {
  private readonly entries: TraceWarning[] = [];
  private readonly index = new Map<string, number>();

  constructor(initial: readonly TraceWarning[] = []) {
    for (const warning of initial) this.push(warning);
  }

  add(code: TraceWarningCode, message: string, spanKey?: string): void {
    const at = this.index.get(`${code}\u0000${message}`);
    if (at === undefined) {
      this.push(
        spanKey === undefined ? { code, message, count: 1 } : { code, message, count: 1, spanKey },
      );
      return;
    }
    const entry = this.entries[at] as TraceWarning;
    this.entries[at] = { ...entry, count: entry.count + 1 };
  }

  list(): TraceWarning[] {
    return [...this.entries];
  }

  private push(warning: TraceWarning): void {
    this.index.set(`${warning.code}\u0000${warning.message}`, this.entries.length);
    this.entries.push(warning);
  }
}
