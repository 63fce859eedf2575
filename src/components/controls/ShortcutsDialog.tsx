import { useEffect, useRef } from 'react';

interface Shortcut {
  keys: string;
  action: string;
}

export const SHORTCUT_GROUPS: Array<{ title: string; shortcuts: Shortcut[] }> = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: 't ←', action: 'Shift the time range back' },
      { keys: 't →', action: 'Shift the time range forward' },
      { keys: 't z', action: 'Zoom out the time range' },
      { keys: 'r', action: 'Refresh now' },
      { keys: '?', action: 'Show this list' },
      { keys: 'Esc', action: 'Close dialogs' },
    ],
  },
  {
    title: 'Trace waterfall',
    shortcuts: [
      { keys: '↑ ↓', action: 'Previous or next span' },
      { keys: '←', action: 'Collapse the span, or go to its parent' },
      { keys: '→', action: 'Expand the span, or go to its first child' },
      { keys: 'Home End', action: 'First or last span' },
      { keys: 'PgUp PgDn', action: 'A screen up or down' },
      { keys: 'Enter', action: 'Open the span’s details' },
      { keys: 'Esc', action: 'Close the span’s details' },
    ],
  },
  {
    title: 'Find in trace',
    shortcuts: [
      { keys: 'Enter', action: 'Next match' },
      { keys: 'Shift Enter', action: 'Previous match' },
      { keys: 'Esc', action: 'Clear the search' },
    ],
  },
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close?.();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      className="m-auto rounded-lg border border-slate-200 bg-white p-4 text-slate-900 shadow-xl backdrop:bg-black/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="shortcuts-title" className="mb-3 text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <div className="flex flex-col gap-3">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h3 className="mb-1 text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">
              {group.title}
            </h3>
            <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-1 text-sm">
              {group.shortcuts.map((s) => (
                <div key={s.keys} className="contents">
                  <dt>
                    <kbd className="rounded border border-slate-300 px-1 font-mono text-xs dark:border-slate-600">
                      {s.keys}
                    </kbd>
                  </dt>
                  <dd>{s.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <button type="button" className="btn mt-4" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
