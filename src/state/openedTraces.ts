import { create } from 'zustand';
import type { Trace, TraceFormat } from '@/datasources/traces';
import { LOCAL_TRACE_PREFIX } from '@/datasources/traces/local/localTraceId';
import type { TraceInput } from '@/datasources/traces/worker';

/**
 * Traces opened from files, kept in memory for this tab so they can be shown at
 * `/traces/local-<id>` and compared like backend traces.
 *
 * Contract with the views that open a `local-*` id:
 * - `getLocalTrace(id)` (or `useLocalTrace(id)` in a component) gives the entry, or undefined
 *   when the id is unknown, e.g. after a reload: files are never stored anywhere, so say so
 *   and offer to open the file again.
 * - When `entry.trace` is set, the document was already parsed: show it as is.
 * - Otherwise parse `entry.source` (a `File`, or text) off the main thread and take the trace
 *   whose id is `entry.traceId`, or the document's first trace when `traceId` is null.
 * - `entry.warnings` are document-level parse warnings, worth showing beside the trace's own.
 */

export { isLocalTraceId, LOCAL_TRACE_PREFIX } from '@/datasources/traces/local/localTraceId';

/** Older entries are dropped past this, so a tab left open for days does not keep every file alive. */
export const MAX_LOCAL_TRACES = 50;

export interface LocalTraceEntry {
  /** `local-…`, usable as the `:traceId` route parameter. */
  readonly id: string;
  /** The file name, or a label for text that did not come from a file. */
  readonly name: string;
  readonly sizeBytes: number;
  /** The document as the user gave it. */
  readonly source: File | string;
  /** Which trace of the document (its normalised id); null means the document's first trace. */
  readonly traceId: string | null;
  /** The trace, when it was parsed while the file was opened; null when still to parse. */
  readonly trace: Trace | null;
  readonly format: TraceFormat | null;
  /** Problems with the document as a whole (skipped entries and the like). */
  readonly warnings: readonly string[];
  /** Unix ms. */
  readonly openedAt: number;
}

export interface LocalTraceInput {
  readonly source: File | string;
  /** Defaults to the file's name, or "Pasted trace" for text. */
  readonly name?: string;
  readonly traceId?: string | null;
  readonly trace?: Trace | null;
  readonly format?: TraceFormat | null;
  readonly warnings?: readonly string[];
}

interface OpenedTracesState {
  /** In the order they were opened, oldest first. */
  readonly entries: readonly LocalTraceEntry[];
}

export const useOpenedTraces = create<OpenedTracesState>()(() => ({ entries: [] }));

// Ids must not repeat across reloads, or an old link would open a different file's trace.
const idBase = Date.now().toString(36);
let counter = 0;

/** Keeps one trace of a document and returns its `local-…` id. */
export function registerLocalTrace(input: LocalTraceInput): string {
  counter += 1;
  const id = `${LOCAL_TRACE_PREFIX}${idBase}-${counter}`;
  const { source } = input;
  const entry: LocalTraceEntry = {
    id,
    name: input.name ?? (typeof source === 'string' ? 'Pasted trace' : source.name),
    sizeBytes: typeof source === 'string' ? new Blob([source]).size : source.size,
    source,
    traceId: input.traceId ?? input.trace?.traceId ?? null,
    trace: input.trace ?? null,
    format: input.format ?? null,
    warnings: input.warnings ?? [],
    openedAt: Date.now(),
  };
  useOpenedTraces.setState((state) => ({
    entries: [...state.entries, entry].slice(-MAX_LOCAL_TRACES),
  }));
  return id;
}

export function getLocalTrace(id: string): LocalTraceEntry | undefined {
  return useOpenedTraces.getState().entries.find((e) => e.id === id);
}

export function useLocalTrace(id: string): LocalTraceEntry | undefined {
  return useOpenedTraces((state) => state.entries.find((e) => e.id === id));
}

export function forgetLocalTrace(id: string): void {
  useOpenedTraces.setState((state) => ({ entries: state.entries.filter((e) => e.id !== id) }));
}

/** What the trace engine is given to read an entry: its text or file, and which trace. */
export function localTraceInput(entry: LocalTraceEntry): TraceInput {
  const traceId = entry.traceId ?? undefined;
  return typeof entry.source === 'string'
    ? { text: entry.source, traceId }
    : { file: entry.source, name: entry.name, traceId };
}
