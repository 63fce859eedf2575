import type { ConfigProblem } from '@/config/loadConfig';

/** A broken deployment says exactly what to fix instead of showing a blank screen. */
export function ConfigErrorPage({
  source,
  problems,
}: {
  source: string;
  problems: ConfigProblem[];
}) {
  return (
    <main className="mx-auto max-w-3xl p-8 text-slate-900 dark:text-slate-100">
      <h1 className="text-2xl font-semibold">
        Observatory cannot start: the configuration has problems
      </h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Fix these in <code className="font-mono">{source}</code> and reload.
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
    </main>
  );
}
