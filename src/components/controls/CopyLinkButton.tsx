import { useState } from 'react';
import { toAbsoluteRaw, type AbsoluteTimeRange } from '@/lib/time';

/** The current URL with a relative range replaced by the fixed times it resolves to now. */
export function absoluteLink(href: string, range: AbsoluteTimeRange): string {
  const url = new URL(href);
  const raw = toAbsoluteRaw(range);
  url.searchParams.set('from', raw.from);
  url.searchParams.set('to', raw.to);
  return url.toString();
}

export function CopyLinkButton({ range }: { range: AbsoluteTimeRange }) {
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; link: string }
  >({
    kind: 'idle',
  });

  const copy = async () => {
    const link = absoluteLink(window.location.href, range);
    try {
      await navigator.clipboard.writeText(link);
      setState({ kind: 'copied' });
      window.setTimeout(() => setState({ kind: 'idle' }), 2000);
    } catch {
      // Clipboard access is refused in some iframes and insecure origins: let the user copy it.
      setState({ kind: 'manual', link });
    }
  };

  return (
    <div className="relative">
      <button
        type="button"
        className="btn"
        onClick={() => void copy()}
        title="Copy a link with this exact time range"
      >
        {state.kind === 'copied' ? 'Copied' : 'Copy absolute link'}
      </button>
      {state.kind === 'manual' && (
        <div className="absolute top-full right-0 z-30 mt-1 w-80 rounded border border-slate-200 bg-white p-2 shadow dark:border-slate-700 dark:bg-slate-900">
          <label className="flex flex-col gap-1 text-xs">
            Copy this link
            <input
              className="input"
              readOnly
              value={state.link}
              onFocus={(e) => e.target.select()}
              autoFocus
            />
          </label>
          <button type="button" className="btn mt-2" onClick={() => setState({ kind: 'idle' })}>
            Close
          </button>
        </div>
      )}
      <span role="status" className="sr-only">
        {state.kind === 'copied' ? 'Link copied' : ''}
      </span>
    </div>
  );
}
