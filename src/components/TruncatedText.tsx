import { useState } from 'react';

/** Longer strings are cut on screen; a button shows the whole value in a scrollable box. */
export const DEFAULT_VISIBLE_CHARS = 160;

export function TruncatedText({
  text,
  max = DEFAULT_VISIBLE_CHARS,
}: {
  text: string;
  max?: number;
}) {
  const [open, setOpen] = useState(false);
  if (text.length <= max) return <>{text}</>;
  return (
    <span className="inline-flex max-w-full flex-col items-start">
      <span className="max-w-full truncate" title={text.slice(0, 1000)}>
        {text.slice(0, max)}…
      </span>
      <button
        type="button"
        className="text-xs text-sky-700 hover:underline dark:text-sky-300"
        aria-expanded={open}
        onClick={(e) => {
          e.stopPropagation();
          setOpen((o) => !o);
        }}
      >
        {open ? 'Hide full value' : `Show all ${text.length.toLocaleString('en-US')} characters`}
      </button>
      {open && (
        <span
          tabIndex={0}
          className="mt-1 block max-h-64 max-w-full overflow-auto rounded bg-slate-100 p-2 font-mono text-xs break-all whitespace-pre-wrap dark:bg-slate-800"
        >
          {text}
        </span>
      )}
    </span>
  );
}
