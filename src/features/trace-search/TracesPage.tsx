import { TraceSearchView } from './components/TraceSearchView';

export default function TracesPage() {
  return (
    <div className="flex flex-col gap-3">
      <div>
        <h1 className="text-lg font-semibold">Traces</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Search traces, open one, compare two, or open a trace file.
        </p>
      </div>
      <TraceSearchView />
    </div>
  );
}
