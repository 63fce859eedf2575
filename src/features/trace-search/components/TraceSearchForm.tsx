import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { TraceSource } from '@/datasources/traces';
import {
  MAX_SEARCH_LIMIT,
  type SearchField,
  type SearchForm,
  type SearchProblems,
} from '../searchForm';
import { OperationSelect, ServiceSelect } from './NameFields';

export interface TraceSearchFormProps {
  readonly source: TraceSource;
  readonly sourceKey: string;
  /** The form as the URL has it; the fields start from it. */
  readonly initial: SearchForm;
  readonly problems: SearchProblems;
  readonly onSubmit: (form: SearchForm) => void;
}

/** The search form. Its fields are a draft; submitting writes them to the URL. */
export function TraceSearchForm({
  source,
  sourceKey,
  initial,
  problems,
  onSubmit,
}: TraceSearchFormProps) {
  const [draft, setDraft] = useState(initial);
  const id = useId();
  const isTempo = source.kind === 'tempo';
  const set = (field: SearchField) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const fieldId = (field: SearchField) => `${id}-${field}`;
  const problemId = (field: SearchField) =>
    problems[field] ? `${id}-${field}-problem` : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };

  const field = (
    name: SearchField,
    label: string,
    control: ReactNode,
    hint?: string,
    className = '',
  ) => (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <label
        htmlFor={fieldId(name)}
        className="text-xs font-medium text-slate-600 dark:text-slate-300"
      >
        {label}
      </label>
      {control}
      {hint && !problems[name] && (
        <p className="text-xs text-slate-500 dark:text-slate-400">{hint}</p>
      )}
      {problems[name] && (
        <p id={problemId(name)} className="text-xs text-red-700 dark:text-red-300">
          {problems[name]}
        </p>
      )}
    </div>
  );

  const text = (name: SearchField, placeholder: string, extra: { inputMode?: 'numeric' } = {}) => (
    <input
      id={fieldId(name)}
      className="input w-full"
      value={draft[name]}
      placeholder={placeholder}
      aria-invalid={problems[name] ? true : undefined}
      aria-describedby={problemId(name)}
      onChange={(e) => set(name)(e.target.value)}
      {...extra}
    />
  );

  return (
    // Two columns when the form is wide (stacked above the results on narrow screens).
    <form onSubmit={submit} aria-label="Search traces" className="@container">
      <div className="grid gap-3 @xl:grid-cols-2">
        {field(
          'service',
          'Service',
          <ServiceSelect
            id={fieldId('service')}
            source={source}
            sourceKey={sourceKey}
            required={!isTempo}
            value={draft.service}
            describedBy={problemId('service')}
            invalid={problems.service !== undefined}
            onChange={(service) => setDraft((d) => ({ ...d, service, operation: '' }))}
          />,
        )}
        {field(
          'operation',
          'Operation',
          <OperationSelect
            id={fieldId('operation')}
            source={source}
            sourceKey={sourceKey}
            service={draft.service}
            value={draft.operation}
            describedBy={problemId('operation')}
            onChange={set('operation')}
          />,
        )}
        {field(
          'tags',
          'Tags',
          text('tags', 'error=true http.status_code=500'),
          'Space-separated key=value pairs; quote values with spaces: msg="timed out".',
        )}
        <div className="grid grid-cols-2 gap-2">
          {field('minDuration', 'Min duration', text('minDuration', 'e.g. 100ms'))}
          {field('maxDuration', 'Max duration', text('maxDuration', 'e.g. 1.5s'))}
        </div>
        {field(
          'limit',
          'Limit',
          text('limit', '20', { inputMode: 'numeric' }),
          `At most ${MAX_SEARCH_LIMIT}.`,
        )}
        {isTempo &&
          field(
            'query',
            'TraceQL',
            <textarea
              id={fieldId('query')}
              className="input min-h-16 w-full font-mono text-xs"
              value={draft.query}
              placeholder='{ resource.service.name = "api" && status = error }'
              aria-invalid={problems.query ? true : undefined}
              aria-describedby={problemId('query')}
              onChange={(e) => set('query')(e.target.value)}
            />,
            'When set, it replaces service, operation and tags.',
            '@xl:col-span-2',
          )}
        <div className="@xl:col-span-2">
          <button type="submit" className="btn btn-primary">
            Find traces
          </button>
        </div>
      </div>
    </form>
  );
}
