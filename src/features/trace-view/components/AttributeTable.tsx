import { useState } from 'react';
import { formatAttrValue } from '@/datasources/traces';
import type { Attr } from '@/datasources/traces';
import { formatJson, looksLikeJson, shorten } from '../model/values';

/** Key/value pairs as text. Long values are cut; JSON is formatted only on request. */
export function AttributeTable({
  attributes,
  label,
}: {
  attributes: readonly Attr[];
  label: string;
}) {
  if (attributes.length === 0)
    return <p className="text-xs text-slate-500 dark:text-slate-400">None.</p>;
  return (
    <dl
      aria-label={label}
      className="grid grid-cols-[minmax(6rem,max-content)_1fr] gap-x-3 gap-y-1 text-xs"
    >
      {attributes.map((attr, i) => (
        <div key={`${attr.key}-${i}`} className="contents">
          <dt className="font-mono break-all text-slate-500 dark:text-slate-400">{attr.key}</dt>
          <dd className="min-w-0">
            <LongValue value={formatAttrValue(attr.value)} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function LongValue({ value }: { value: string }) {
  const [expanded, setExpanded] = useState(false);
  const [pretty, setPretty] = useState<ReturnType<typeof formatJson> | null>(null);
  const short = shorten(value);
  const shown = expanded ? value : short.text;
  return (
    <div className="font-mono break-all whitespace-pre-wrap">
      {pretty?.ok ? (
        <pre className="max-h-96 overflow-auto rounded bg-slate-100 p-1 dark:bg-slate-800">
          {pretty.text}
        </pre>
      ) : (
        <span>
          {shown}
          {!expanded && short.hidden > 0 && '…'}
        </span>
      )}
      <span className="ml-1 inline-flex gap-1 font-sans">
        {short.hidden > 0 && !pretty?.ok && (
          <button
            type="button"
            className="text-sky-700 underline dark:text-sky-300"
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? 'show less' : `show all (${value.length.toLocaleString('en-US')} chars)`}
          </button>
        )}
        {looksLikeJson(value) && (
          <button
            type="button"
            className="text-sky-700 underline dark:text-sky-300"
            onClick={() => setPretty(pretty ? null : formatJson(value))}
          >
            {pretty?.ok ? 'as sent' : 'format JSON'}
          </button>
        )}
      </span>
      {pretty && !pretty.ok && (
        <span role="status" className="block font-sans text-amber-700 dark:text-amber-300">
          Not valid JSON: {pretty.error}
        </span>
      )}
    </div>
  );
}
