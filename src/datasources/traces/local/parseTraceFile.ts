import { detectAndParse, type ParseResult } from '@/datasources/traces';
import { readFileText, type ReadProgress } from './readFileText';

export type OpenProgress =
  ({ readonly phase: 'reading' } & ReadProgress) | { readonly phase: 'parsing' };

export interface ParseFileOptions {
  readonly onProgress?: (progress: OpenProgress) => void;
  readonly signal?: AbortSignal;
}

/** Lets the browser paint (progress, "Parsing…") before a long synchronous step. */
function nextTask(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      if (signal?.aborted)
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      else resolve();
    }, 0);
  });
}

/**
 * Reads a trace file and parses every trace in it. Throws `TraceFormatError` for a file that is
 * not a trace document, with a message that says what was expected.
 */
export async function parseTraceFile(
  file: File,
  options: ParseFileOptions = {},
): Promise<ParseResult> {
  const { onProgress, signal } = options;
  const text = await readFileText(file, {
    signal,
    onProgress: (p) => onProgress?.({ phase: 'reading', ...p }),
  });
  onProgress?.({ phase: 'parsing' });
  await nextTask(signal);
  return detectAndParse(text);
}
