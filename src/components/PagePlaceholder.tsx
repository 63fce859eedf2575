/** A route whose view is not built yet says so plainly instead of showing invented numbers. */
export function PagePlaceholder({ title, question }: { title: string; question: string }) {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-3 py-10">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-slate-600 dark:text-slate-300">{question}</p>
      <p className="rounded border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
        This view is not available yet in this version of Observatory.
      </p>
    </div>
  );
}
