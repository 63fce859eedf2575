import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useDataSources } from '@/query/DataSourcesContext';
import { labelValuesQueryOptions } from '@/query/prometheus/queries';
import { useTimeRange } from '@/state/urlState';
import { labelValueMatcher, MIN_SEARCH_CHARS, SEARCH_DEBOUNCE_MS } from './labelValueSearch';
import { useDebouncedValue } from './useDebouncedValue';

type Props = {
  /** Prometheus label the values come from, e.g. `agent`. */
  label: string;
  /** Shown to the user, e.g. "Agent". */
  title: string;
  onPick: (value: string) => void;
};

/**
 * A search box over a label's values. It waits for three characters and a pause in typing
 * before asking Prometheus, so typing never floods the backend.
 */
export function LabelValuePicker({ label, title, onPick }: Props) {
  const { prometheus } = useDataSources();
  const { range } = useTimeRange();
  const [text, setText] = useState('');
  const listId = useId();
  const matcher = labelValueMatcher(label, useDebouncedValue(text, SEARCH_DEBOUNCE_MS));
  const values = useQuery(labelValuesQueryOptions(prometheus, label, matcher, range));

  const hint =
    text.trim().length < MIN_SEARCH_CHARS
      ? `Type ${MIN_SEARCH_CHARS} or more characters to search`
      : values.isFetching
        ? 'Searching…'
        : values.error
          ? values.error.message
          : values.data?.length === 0
            ? 'No match'
            : `${values.data?.length ?? 0} found`;

  return (
    <div className="flex flex-col gap-1 text-sm">
      <label className="flex items-center gap-2">
        <span>{title}</span>
        <input
          className="input w-48"
          role="combobox"
          aria-expanded={Boolean(values.data?.length)}
          aria-controls={listId}
          aria-autocomplete="list"
          value={text}
          placeholder={`Search ${label}…`}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <span className="text-xs text-slate-500 dark:text-slate-400" role="status">
        {hint}
      </span>
      {values.data && values.data.length > 0 && text.trim().length >= MIN_SEARCH_CHARS && (
        <ul
          id={listId}
          role="listbox"
          aria-label={`${title} values`}
          className="flex max-w-xl flex-wrap gap-1"
        >
          {values.data.slice(0, 50).map((v) => (
            <li key={v} role="option" aria-selected={false}>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  onPick(v);
                  setText('');
                }}
              >
                {v}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
