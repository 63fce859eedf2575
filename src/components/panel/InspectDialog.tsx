import { useEffect, useRef, useState } from 'react';

export type InspectData = {
  title: string;
  request: Array<[label: string, value: string]>;
  stats: Array<[label: string, value: string]>;
  response: unknown;
  warnings: string[];
};

const MAX_JSON_CHARS = 200_000;

function prettyJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? 'undefined';
  return text.length > MAX_JSON_CHARS
    ? `${text.slice(0, MAX_JSON_CHARS)}\n… ${text.length - MAX_JSON_CHARS} more characters (export JSON for all of it)`
    : text;
}

/** Grafana's panel inspector: the request as sent, the response, and timing. */
export function InspectDialog({ data, onClose }: { data: InspectData; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [tab, setTab] = useState<'query' | 'response' | 'stats'>('query');
  useEffect(() => {
    const dialog = ref.current;
    // Browsers without modal dialogs (and jsdom) still show it, just not modal.
    if (typeof dialog?.showModal === 'function') dialog.showModal();
    else dialog?.setAttribute('open', '');
  }, []);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-label={`Inspect: ${data.title}`}
      className="m-auto flex max-h-[85vh] w-[min(56rem,95vw)] flex-col rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
        <h2 className="font-semibold">Inspect: {data.title}</h2>
        <button type="button" className="btn ml-auto" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
      <div role="tablist" className="flex gap-1 px-4 pt-2">
        {(['query', 'response', 'stats'] as const).map((t) => (
          <button
            key={t}
            role="tab"
            type="button"
            aria-selected={tab === t}
            className={`rounded-t px-3 py-1 text-sm capitalize ${tab === t ? 'bg-slate-100 font-medium dark:bg-slate-800' : ''}`}
            onClick={() => setTab(t)}
          >
            {t}
          </button>
        ))}
      </div>
      <div role="tabpanel" tabIndex={0} className="overflow-auto px-4 pb-4">
        {tab === 'response' ? (
          <pre className="mt-2 rounded bg-slate-100 p-2 text-xs whitespace-pre-wrap dark:bg-slate-800">
            {prettyJson(data.response)}
          </pre>
        ) : (
          <dl className="mt-2 grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-sm">
            {(tab === 'query' ? data.request : data.stats).map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
                <dd className="font-mono text-xs break-all whitespace-pre-wrap">{value}</dd>
              </div>
            ))}
            {tab === 'stats' &&
              data.warnings.map((w, i) => (
                <div key={i} className="contents">
                  <dt className="text-amber-700 dark:text-amber-300">Warning</dt>
                  <dd className="text-xs">{w}</dd>
                </div>
              ))}
          </dl>
        )}
      </div>
    </dialog>
  );
}
