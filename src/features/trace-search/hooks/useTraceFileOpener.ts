import { useCallback, useEffect, useRef, useState } from 'react';
import {
  summarizeTrace,
  TraceFormatError,
  type ParseResult,
  type TraceFormat,
  type TraceSummary,
} from '@/datasources/traces';
import { getLocalTrace, registerLocalTrace } from '@/state/openedTraces';
import { parseTraceFile, type OpenProgress } from '@/datasources/traces/local/parseTraceFile';

export interface FileTraceRow {
  /** The `local-…` id to open or compare it by. */
  readonly id: string;
  readonly summary: TraceSummary;
}

interface FileInfo {
  readonly name: string;
  readonly size: number;
}

export type FileOpenerState =
  | { readonly status: 'idle' }
  | ({ readonly status: 'opening'; readonly progress: OpenProgress } & FileInfo)
  | ({
      readonly status: 'failed';
      readonly message: string;
      /** The file was read but is not a trace document: worth listing the formats read. */
      readonly notATrace: boolean;
    } & FileInfo)
  | ({
      readonly status: 'several';
      readonly format: TraceFormat;
      readonly warnings: readonly string[];
      readonly rows: readonly FileTraceRow[];
    } & FileInfo);

/**
 * Files up to this size are parsed here, on the main thread, so they can be checked and their
 * traces listed (about 50 ms per MiB). Bigger files go straight to the trace view, which parses
 * them off the main thread with progress, and picks the document's first trace.
 */
export const PARSE_HERE_MAX_BYTES = 2 * 1024 * 1024;

type ListedState = Extract<FileOpenerState, { status: 'several' }>;

/**
 * The traces of the last file that held several, so coming back from one of them (Back, or
 * "← Traces") shows the list again instead of asking for the file once more.
 */
let listed: ListedState | null = null;

function restoreListed(): FileOpenerState {
  const stillOpen = listed?.rows.every((row) => getLocalTrace(row.id) !== undefined) ?? false;
  return stillOpen && listed ? listed : { status: 'idle' };
}

/**
 * Opens a dropped or chosen trace file. A file with one trace is handed to `openTrace` at once;
 * a file with several lists them (each already registered, so it can be opened or compared).
 */
export function useTraceFileOpener(openTrace: (localId: string) => void) {
  const [state, setShown] = useState<FileOpenerState>(restoreListed);
  const setState = useCallback((next: FileOpenerState) => {
    listed = next.status === 'several' ? next : null;
    setShown(next);
  }, []);
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const open = useCallback(
    async (file: File) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      const info: FileInfo = { name: file.name, size: file.size };
      if (file.size > PARSE_HERE_MAX_BYTES) {
        setState({ status: 'idle' });
        openTrace(registerLocalTrace({ source: file }));
        return;
      }
      setState({
        status: 'opening',
        progress: { phase: 'reading', loaded: 0, total: file.size },
        ...info,
      });
      let result: ParseResult;
      try {
        result = await parseTraceFile(file, {
          signal: controller.signal,
          onProgress: (progress) => {
            if (!controller.signal.aborted) setState({ status: 'opening', progress, ...info });
          },
        });
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
          notATrace: error instanceof TraceFormatError,
          ...info,
        });
        return;
      }
      if (controller.signal.aborted) return;
      running.current = null;
      setState(afterParse(file, result, openTrace));
    },
    [openTrace, setState],
  );

  const cancel = useCallback(() => {
    running.current?.abort();
    running.current = null;
    setState({ status: 'idle' });
  }, [setState]);

  return { state, open, cancel, reset: cancel };
}

function afterParse(
  file: File,
  { traces, format, warnings }: ParseResult,
  openTrace: (localId: string) => void,
): FileOpenerState {
  const info = { name: file.name, size: file.size };
  if (traces.length === 0) {
    const why = warnings.length > 0 ? ` ${warnings.join(' ')}` : '';
    return {
      status: 'failed',
      message: `The file holds no spans.${why}`,
      notATrace: false,
      ...info,
    };
  }
  const rows = traces.map((trace) => ({
    id: registerLocalTrace({ source: file, trace, format, warnings }),
    summary: summarizeTrace(trace),
  }));
  if (rows.length === 1) {
    openTrace((rows[0] as FileTraceRow).id);
    return { status: 'idle' };
  }
  return { status: 'several', format, warnings, rows, ...info };
}
