import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useDataSources } from '@/query/DataSourcesContext';
import type { TraceSource } from '@/datasources/traces';
import { useNowStore } from '@/state/nowStore';
import { useTimeRange } from '@/state/urlState';
import { useTraceFileOpener } from '../hooks/useTraceFileOpener';
import { rememberTraceSearch } from '@/state/lastTraceSearch';
import { traceHref } from '@/lib/traceLinks';
import {
  readSearchForm,
  validateSearchForm,
  writeSearchForm,
  type SearchForm,
} from '../searchForm';
import { FileTraces } from './FileTraces';
import { OpenTraceFile } from './OpenTraceFile';
import { SearchResults } from './SearchResults';
import { TraceSearchForm } from './TraceSearchForm';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel flex min-w-0 flex-col" aria-label={title}>
      <header className="border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h2 className="text-sm font-semibold">{title}</h2>
      </header>
      <div className="p-3">{children}</div>
    </section>
  );
}

const Note = ({ children }: { children: ReactNode }) => (
  <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">{children}</p>
);

/** `/traces`: search form (state in the URL), results, and opening trace files. */
export function TraceSearchView() {
  const { traces: source, describe } = useDataSources();
  const { tz } = useTimeRange();
  const [params] = useSearchParams();
  const { pathname, search } = useLocation();
  useEffect(() => rememberTraceSearch(pathname + search), [pathname, search]);
  const navigate = useNavigate();
  const openTrace = useCallback(
    (localId: string) => void navigate(traceHref(localId, params)),
    [navigate, params],
  );
  const opener = useTraceFileOpener(openTrace);
  const file = opener.state;

  return (
    <div className="grid gap-3 lg:grid-cols-[20rem_minmax(0,1fr)]">
      <div className="flex min-w-0 flex-col gap-3">
        {source && (
          <Section title="Search">
            <SearchFormFromUrl source={source} sourceKey={describe.traces ?? source.kind} />
          </Section>
        )}
        <Section title="Open trace file">
          <OpenTraceFile
            state={file}
            onFile={(f) => void opener.open(f)}
            onCancel={opener.cancel}
          />
        </Section>
      </div>
      <div className="flex min-w-0 flex-col gap-3">
        {file.status === 'several' && (
          <FileTraces
            name={file.name}
            size={file.size}
            rows={file.rows}
            warnings={file.warnings}
            tz={tz}
            onClose={opener.reset}
          />
        )}
        <Section title="Results">
          {source ? (
            <ResultsFromUrl source={source} sourceKey={describe.traces ?? source.kind} />
          ) : (
            <Note>
              No trace backend is configured: set datasources.traces in config.json to search Jaeger
              or Tempo. Trace files can still be opened.
            </Note>
          )}
        </Section>
      </div>
    </div>
  );
}

function useUrlSearch(source: TraceSource) {
  const [params] = useSearchParams();
  const key = params.toString();
  return useMemo(() => {
    const form = readSearchForm(new URLSearchParams(key));
    const blank = Object.values(form).every((v) => v.trim() === '');
    return { form, blank, validation: validateSearchForm(form, source.kind) };
  }, [key, source.kind]);
}

function SearchFormFromUrl({ source, sourceKey }: { source: TraceSource; sourceKey: string }) {
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const tick = useNowStore((s) => s.tick);
  const { form, blank, validation } = useUrlSearch(source);

  const submit = (draft: SearchForm) => {
    const next = writeSearchForm(draft, params);
    // Searching again re-reads "now" so a relative range ("last hour") means the last hour.
    tick();
    if (next.toString() === params.toString()) {
      void queryClient.invalidateQueries({ queryKey: ['traces', sourceKey, 'search'] });
    } else {
      setParams(next);
    }
  };

  return (
    <TraceSearchForm
      // The URL is the source of truth: a new URL (back button, shared link) resets the draft.
      key={JSON.stringify(form)}
      source={source}
      sourceKey={sourceKey}
      initial={form}
      problems={validation.ok || blank ? {} : validation.problems}
      onSubmit={submit}
    />
  );
}

function ResultsFromUrl({ source, sourceKey }: { source: TraceSource; sourceKey: string }) {
  const { range, tz } = useTimeRange();
  const { blank, validation } = useUrlSearch(source);
  if (!validation.ok) {
    if (blank) return <Note>Choose a service and press Find traces, or open a trace file.</Note>;
    return (
      <div role="alert" className="text-sm text-slate-700 dark:text-slate-300">
        <p className="font-medium">This search cannot run yet:</p>
        <ul className="list-disc pl-5">
          {Object.values(validation.problems).map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <SearchResults
      source={source}
      sourceKey={sourceKey}
      params={{ ...validation.request, startUs: range.from * 1000, endUs: range.to * 1000 }}
      tz={tz}
    />
  );
}
