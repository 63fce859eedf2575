import { CompareView } from './components/CompareView';

export default function TraceComparePage() {
  return (
    <div className="flex flex-col gap-3">
      <div>
        <h1 className="text-lg font-semibold">Compare traces</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          What differs between two traces: spans per service and operation path, counts and
          durations.
        </p>
      </div>
      <CompareView />
    </div>
  );
}
