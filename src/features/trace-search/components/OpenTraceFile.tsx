import { useId, useRef, useState, type DragEvent } from 'react';
import { EXPECTED_SHAPES } from '@/datasources/traces';
import { formatValue } from '@/lib/format';
import type { FileOpenerState } from '../hooks/useTraceFileOpener';

export interface OpenTraceFileProps {
  readonly state: FileOpenerState;
  readonly onFile: (file: File) => void;
  readonly onCancel: () => void;
}

const ACCEPT = '.json,.ndjson,.jsonl,.txt,application/json,application/x-ndjson,text/plain';

const bytes = (n: number) => formatValue(n, 'bytes');

/**
 * Drop zone and file chooser for trace files in any format the app reads. Reading and parsing
 * report progress; a file that is not a trace says why and which formats are read.
 */
export function OpenTraceFile({ state, onFile, onCancel }: OpenTraceFileProps) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };

  return (
    <div className="flex flex-col gap-2">
      <div
        data-testid="trace-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(e) => {
          // Moving onto a child element also fires dragleave; only leaving the zone counts.
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={drop}
        className={`flex flex-col items-center gap-2 rounded border-2 border-dashed px-3 py-4 text-center text-sm ${
          dragging
            ? 'border-sky-500 bg-sky-50 dark:bg-sky-950'
            : 'border-slate-300 dark:border-slate-600'
        }`}
      >
        <p id={hintId} className="text-slate-600 dark:text-slate-300">
          Drop a trace file here: JSON or NDJSON from Jaeger, Tempo, OTLP, Jaeger API v3 or Zipkin.
        </p>
        <button
          type="button"
          className="btn"
          aria-describedby={hintId}
          onClick={() => input.current?.click()}
        >
          Choose a file…
        </button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          className="sr-only"
          tabIndex={-1}
          aria-label="Trace file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
            e.target.value = '';
          }}
        />
      </div>
      <FileStatus state={state} onCancel={onCancel} />
    </div>
  );
}

function FileStatus({ state, onCancel }: { state: FileOpenerState; onCancel: () => void }) {
  if (state.status === 'opening') {
    const { progress } = state;
    const reading = progress.phase === 'reading';
    return (
      <div role="status" className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-300">
        <div className="flex items-center gap-2">
          <span className="truncate font-medium" title={state.name}>
            {state.name}
          </span>
          <span className="tabular-nums">{bytes(state.size)}</span>
          <button type="button" className="btn ml-auto" onClick={onCancel}>
            Cancel
          </button>
        </div>
        <progress
          className="w-full"
          aria-label={`Opening ${state.name}`}
          max={reading ? Math.max(1, progress.total) : undefined}
          value={reading ? progress.loaded : undefined}
        />
        <span>
          {reading ? `Reading ${bytes(progress.loaded)} of ${bytes(progress.total)}…` : 'Parsing…'}
        </span>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div role="alert" className="flex flex-col gap-1 text-xs">
        <p className="font-medium text-red-700 dark:text-red-300">
          Could not open {state.name} ({bytes(state.size)})
        </p>
        <p className="break-words whitespace-pre-wrap text-slate-700 dark:text-slate-300">
          {state.message}
        </p>
        {state.notATrace && (
          <details>
            <summary className="cursor-pointer">Formats this app reads</summary>
            <ul className="list-disc pl-5">
              {EXPECTED_SHAPES.map((shape) => (
                <li key={shape} className="font-mono">
                  {shape}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    );
  }
  return null;
}
