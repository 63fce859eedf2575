import { Link, useSearchParams } from 'react-router';
import { useConfig } from '@/config/ConfigContext';
import { errorSpansHref } from '../errorSpansLink';

const TITLE = 'Recent error spans';

/** Where to find error spans with their exception type and message: the Traces view. */
export function RecentErrorSpansPanel({ className }: { className?: string }) {
  const config = useConfig();
  const [params] = useSearchParams();
  const hasTraceSource = config.datasources.traces !== undefined;

  return (
    <section
      className={`panel flex flex-col ${className ?? ''}`}
      data-panel={TITLE}
      aria-label={TITLE}
    >
      <header className="border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h2 className="text-sm font-semibold">{TITLE}</h2>
      </header>
      <div
        className="p-3 text-sm text-slate-600 dark:text-slate-300"
        data-testid="recent-error-spans"
      >
        {hasTraceSource ? (
          <p>
            Recent error spans appear in Traces.{' '}
            <Link
              className="font-medium text-sky-700 underline dark:text-sky-300"
              to={errorSpansHref(params)}
            >
              Open error spans in Traces
            </Link>
          </p>
        ) : (
          <p>
            Connect a trace source to see recent error spans. Set datasources.traces in config.json.
          </p>
        )}
      </div>
    </section>
  );
}
