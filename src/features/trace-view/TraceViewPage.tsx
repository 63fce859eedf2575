import { useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useDataSources } from '@/query/DataSourcesContext';
import { carrySessionParams } from '@/lib/sessionParams';
import { useTimeRange } from '@/state/urlState';
import { lastTraceSearch } from '@/state/lastTraceSearch';
import { isLocalTraceId, localTraceInput, useLocalTrace } from '@/state/openedTraces';
import { prewarmTraceWorker } from '@/datasources/traces/worker';
import type { TraceInput } from '@/datasources/traces/worker';
import { useTraceLoad } from '@/query/traces/useTraceLoad';
import { useTraceUrl } from './hooks/useTraceUrl';
import { LoadingState } from './components/LoadingState';
import { TraceExplorer } from './components/TraceExplorer';

// Loaded with the route: the worker starts while the page renders, before the trace is asked for.
prewarmTraceWorker();

/**
 * Router state another page may pass when it opens a trace that is not on a backend
 * (a dropped file): `navigate('/traces/<id or "file">', { state: { traceFile: file } })`.
 */
export interface TraceViewLocationState {
  traceFile?: File;
  traceText?: string;
}

/** `/traces/:traceId`: loads the trace in a worker, then shows the explorer. */
export default function TraceView() {
  const { traceId = '' } = useParams();
  const location = useLocation();
  const { tz } = useTimeRange();
  const url = useTraceUrl();
  const traces = useDataSources().traces;
  const state = (location.state ?? null) as TraceViewLocationState | null;

  const local = useLocalTrace(traceId);
  const traceFile = state?.traceFile;
  const traceText = state?.traceText;
  const { input, key } = useMemo((): { input: TraceInput | null; key: string } => {
    // A file opened on the Traces page: parsed again here, off the main thread.
    if (local)
      return { input: localTraceInput(local), key: `local:${local.id}:${local.traceId ?? ''}` };
    if (traceFile) {
      return {
        input: { file: traceFile, name: traceFile.name, traceId },
        key: `file:${location.key}`,
      };
    }
    if (traceText) return { input: { text: traceText, traceId }, key: `text:${location.key}` };
    if (!traces || isLocalTraceId(traceId)) return { input: null, key: 'none' };
    // Headers are read when the load starts; a new token does not reload an open trace.
    const backend = traces.backend();
    return {
      input: { source: backend, traceId },
      key: `${backend.kind} ${backend.url} ${traceId}`,
    };
  }, [local, traceFile, traceText, traces, traceId, location.key]);

  const load = useTraceLoad(input, key);
  const back =
    lastTraceSearch() ??
    `/traces?${carrySessionParams(new URLSearchParams(location.search), { variables: false })}`;

  if (!input && isLocalTraceId(traceId)) {
    return (
      <Frame traceId={traceId} back={back}>
        <p role="alert" className="text-sm">
          This trace came from a file opened in an earlier page load; files are never stored. Open
          the file again on the Traces page.
        </p>
      </Frame>
    );
  }
  if (!input) {
    return (
      <Frame traceId={traceId} back={back}>
        <p role="alert" className="text-sm">
          No trace backend is configured, so trace {traceId} cannot be fetched. Add
          <code className="mx-1">datasources.traces</code>(Jaeger or Tempo) to config.json, or open
          a trace file on the Traces page.
        </p>
      </Frame>
    );
  }
  if (load.status === 'loading') {
    return (
      <Frame traceId={traceId} back={back}>
        <LoadingState progress={load.progress} />
      </Frame>
    );
  }
  if (load.status === 'error') {
    return (
      <Frame traceId={traceId} back={back}>
        <div role="alert" className="flex flex-col gap-1 text-sm">
          <p className="font-medium text-red-700 dark:text-red-300">
            The trace could not be loaded
          </p>
          <p className="break-words whitespace-pre-wrap">{load.error.message}</p>
        </div>
      </Frame>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <nav aria-label="Breadcrumb" className="text-xs">
        <Link to={back} className="text-sky-700 underline dark:text-sky-300">
          ← Traces
        </Link>
      </nav>
      <TraceExplorer key={key} handle={load.handle} url={url} tz={tz} />
    </div>
  );
}

function Frame({
  traceId,
  back,
  children,
}: {
  traceId: string;
  back: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex max-w-4xl flex-col gap-2">
      <nav aria-label="Breadcrumb" className="text-xs">
        <Link to={back} className="text-sky-700 underline dark:text-sky-300">
          ← Traces
        </Link>
      </nav>
      <h1 className="text-lg font-semibold break-all">Trace {traceId}</h1>
      {children}
    </div>
  );
}
