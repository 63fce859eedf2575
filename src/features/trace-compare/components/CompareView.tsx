import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDataSources } from '@/query/DataSourcesContext';
import { useTimeRange } from '@/state/urlState';
import { carrySessionParams } from '@/lib/sessionParams';
import { comparedTraceQuery } from '@/query/traces/compare';
import { structureDiff } from '../structureDiff';
import { CompareSummary } from './CompareSummary';
import { DiffTable } from './DiffTable';

/** `/traces/compare?a=…&b=…`: two traces' structure, path by path. */
export function CompareView() {
  const [params, setParams] = useSearchParams();
  const { traces: source, describe } = useDataSources();
  const { tz } = useTimeRange();
  const a = (params.get('a') ?? '').trim();
  const b = (params.get('b') ?? '').trim();
  const changedOnly = params.get('changed') === '1';
  const sourceKey = describe.traces ?? 'none';
  const queryA = useQuery(comparedTraceQuery(source, sourceKey, a));
  const queryB = useQuery(comparedTraceQuery(source, sourceKey, b));
  const diff = useMemo(
    () => (queryA.data && queryB.data ? structureDiff(queryA.data, queryB.data) : null),
    [queryA.data, queryB.data],
  );

  const update = (changes: Record<string, string | null>, options?: { replace: boolean }) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
      }
      return next;
    }, options);

  return (
    <div className="flex flex-col gap-3">
      <CompareForm key={`${a}|${b}`} a={a} b={b} onSubmit={(na, nb) => update({ a: na, b: nb })} />
      {a === '' || b === '' ? (
        <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">
          Enter two trace ids, or select two traces in{' '}
          <Link
            className="text-sky-700 underline dark:text-sky-300"
            to={`/traces?${carrySessionParams(params, { variables: false }).toString()}`}
          >
            Traces
          </Link>{' '}
          and press Compare.
        </p>
      ) : (
        <>
          <CompareSummary
            a={{ label: 'A', id: a, query: queryA }}
            b={{ label: 'B', id: b, query: queryB }}
            diff={diff}
            tz={tz}
          />
          {diff && (
            <section className="panel flex min-w-0 flex-col" aria-label="Structure">
              <header className="border-b border-slate-200 px-3 py-2 dark:border-slate-700">
                <h2 className="text-sm font-semibold">Structure by service and operation path</h2>
              </header>
              <div className="p-3">
                <DiffTable
                  diff={diff}
                  initialChangedOnly={changedOnly}
                  onChangedOnly={(on) => update({ changed: on ? '1' : null }, { replace: true })}
                />
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}

function CompareForm({
  a,
  b,
  onSubmit,
}: {
  a: string;
  b: string;
  onSubmit: (a: string, b: string) => void;
}) {
  const [draftA, setDraftA] = useState(a);
  const [draftB, setDraftB] = useState(b);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draftA.trim(), draftB.trim());
  };
  return (
    <form
      onSubmit={submit}
      aria-label="Traces to compare"
      className="flex flex-wrap items-end gap-2"
    >
      {(
        [
          ['A', draftA, setDraftA],
          ['B', draftB, setDraftB],
        ] as const
      ).map(([label, value, set]) => (
        <div key={label} className="flex min-w-0 flex-1 flex-col gap-1">
          <label
            htmlFor={`${id}-${label}`}
            className="text-xs font-medium text-slate-600 dark:text-slate-300"
          >
            Trace {label}
          </label>
          <input
            id={`${id}-${label}`}
            className="input w-full font-mono text-xs"
            value={value}
            placeholder="trace id"
            onChange={(e) => set(e.target.value)}
          />
        </div>
      ))}
      <button type="submit" className="btn btn-primary">
        Compare
      </button>
    </form>
  );
}
