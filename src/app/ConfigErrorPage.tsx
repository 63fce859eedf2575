import type { ConfigFailureCode, ConfigProblem } from '@/config/loadConfig';

/** Failures of the request itself, as opposed to problems in what it brought. */
const UNREADABLE: ReadonlySet<string> = new Set([
  'config-unreachable',
  'config-timeout',
  'config-http',
]);

/** A broken deployment says exactly what to fix instead of showing a blank screen. */
export function ConfigErrorPage({
  code,
  source,
  problems,
}: {
  code: ConfigFailureCode | 'demo-unavailable';
  source: string;
  problems: ConfigProblem[];
}) {
  const unreadable = UNREADABLE.has(code);
  return (
    <main role="alert" className="mx-auto max-w-3xl p-8 text-slate-900 dark:text-slate-100">
      <h1 className="text-2xl font-semibold">
        {unreadable
          ? 'Observatory cannot start: its configuration could not be loaded'
          : 'Observatory cannot start: the configuration has problems'}
      </h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {unreadable ? 'Check that the server serves ' : 'Fix these in '}
        <code className="font-mono">{source}</code>
        {unreadable ? ', then retry.' : ' and retry.'}
      </p>
      <ul
        className="mt-4 divide-y divide-slate-200 rounded border border-slate-200 dark:divide-slate-700 dark:border-slate-700"
        aria-label="Configuration problems"
      >
        {problems.map((p, i) => (
          <li key={i} className="flex flex-col gap-0.5 p-3 sm:flex-row sm:gap-4">
            <code className="font-mono text-sm font-semibold text-red-800 dark:text-red-300">
              {p.path}
            </code>
            <span className="text-sm">{p.message}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="btn mt-4" onClick={() => window.location.reload()}>
        Retry
      </button>
    </main>
  );
}
