import { useMemo } from 'react';
import { formatValue } from '@/lib/format';
import type { TimeZoneMode } from '@/lib/time';
import type { FileTraceRow } from '../hooks/useTraceFileOpener';
import { useCompareSelection } from '../hooks/useCompareSelection';
import { CompareBar } from './CompareBar';
import { ResultsTable } from './ResultsTable';

export interface FileTracesProps {
  readonly name: string;
  readonly size: number;
  readonly rows: readonly FileTraceRow[];
  readonly warnings: readonly string[];
  readonly tz: TimeZoneMode;
  readonly onClose: () => void;
}

/** The traces of a file that holds several: pick one to open, or two to compare. */
export function FileTraces({ name, size, rows, warnings, tz, onClose }: FileTracesProps) {
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  const { selected, toggle, full } = useCompareSelection(ids);
  return (
    <section className="panel flex flex-col" aria-labelledby="file-traces-heading">
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h2 id="file-traces-heading" className="truncate text-sm font-semibold" title={name}>
          {rows.length} traces in {name}
        </h2>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {formatValue(size, 'bytes')}
        </span>
        <div className="ml-auto flex items-center gap-2">
          <CompareBar selected={selected} />
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        </div>
      </header>
      <div className="flex flex-col gap-2 p-3">
        {warnings.length > 0 && (
          <ul className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        <ResultsTable
          rows={rows}
          tz={tz}
          caption={`Traces in ${name}`}
          selected={selected}
          selectionFull={full}
          onToggle={toggle}
        />
      </div>
    </section>
  );
}
