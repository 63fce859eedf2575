import { Link, useSearchParams } from 'react-router';
import { COMPARE_COUNT } from '../hooks/useCompareSelection';
import { compareHref } from '@/lib/traceLinks';

/** Says how many traces are picked and, once two are, links to their comparison. */
export function CompareBar({ selected }: { selected: readonly string[] }) {
  const [params] = useSearchParams();
  const [a, b] = selected;
  return (
    <div className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
      {a !== undefined && b !== undefined ? (
        <Link className="btn btn-primary" to={compareHref(a, b, params)}>
          Compare the two selected traces
        </Link>
      ) : (
        <span aria-live="polite">
          Select {COMPARE_COUNT - selected.length === 1 ? 'one more trace' : 'two traces'} to
          compare
        </span>
      )}
    </div>
  );
}
