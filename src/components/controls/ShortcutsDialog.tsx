import { useEffect, useRef } from 'react';

export const SHORTCUTS: Array<{ keys: string; action: string }> = [
  { keys: 't ←', action: 'Shift the time range back' },
  { keys: 't →', action: 'Shift the time range forward' },
  { keys: 't z', action: 'Zoom out the time range' },
  { keys: 'r', action: 'Refresh now' },
  { keys: '?', action: 'Show this list' },
  { keys: 'Esc', action: 'Close dialogs' },
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
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {SHORTCUTS.map((s) => (
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
      <button type="button" className="btn mt-4" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
