import { useQuery } from '@tanstack/react-query';
import type { TraceSource } from '@/datasources/traces';
import { traceOperationsQuery, traceServicesQuery } from '@/query/traces/search';

interface NameSelectProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Text of the empty choice, e.g. "Any service". */
  readonly emptyLabel: string;
  readonly query: ReturnType<typeof traceServicesQuery | typeof traceOperationsQuery>;
  readonly disabled?: boolean;
  readonly describedBy?: string;
  readonly invalid?: boolean;
}

/**
 * A select filled from the backend. While the list loads it says so; when listing fails the
 * backend's message is shown and a text box takes the select's place, so a known name can
 * still be typed.
 */
function NameSelect({
  id,
  label,
  value,
  onChange,
  emptyLabel,
  query,
  disabled = false,
  describedBy,
  invalid,
}: NameSelectProps) {
  const { data, error, isPending, refetch } = useQuery(query);
  const errorId = `${id}-load-error`;
  const describe =
    [describedBy, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;

  if (error) {
    return (
      <>
        <input
          id={id}
          className="input w-full"
          value={value}
          placeholder={`Type a ${label.toLowerCase()} name`}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describe}
          aria-invalid={invalid || undefined}
        />
        <div id={errorId} role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
          Could not list {label.toLowerCase()}s: {error.message}{' '}
          <button type="button" className="underline" onClick={() => void refetch()}>
            Retry
          </button>
        </div>
      </>
    );
  }
  const names = data ?? [];
  const loading = isPending && !disabled;
  return (
    <select
      id={id}
      className="input w-full"
      value={value}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      aria-describedby={describe}
      aria-invalid={invalid || undefined}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{loading ? `Loading ${label.toLowerCase()}s…` : emptyLabel}</option>
      {/* A name from a shared link stays selectable even if the backend no longer lists it. */}
      {value !== '' && !names.includes(value) && <option value={value}>{value}</option>}
      {names.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>
  );
}

export function ServiceSelect({
  source,
  sourceKey,
  required,
  ...rest
}: Omit<NameSelectProps, 'query' | 'emptyLabel' | 'label'> & {
  source: TraceSource;
  sourceKey: string;
  required: boolean;
}) {
  return (
    <NameSelect
      {...rest}
      label="Service"
      emptyLabel={required ? 'Choose a service' : 'Any service'}
      query={traceServicesQuery(source, sourceKey)}
    />
  );
}

export function OperationSelect({
  source,
  sourceKey,
  service,
  ...rest
}: Omit<NameSelectProps, 'query' | 'emptyLabel' | 'label' | 'disabled'> & {
  source: TraceSource;
  sourceKey: string;
  service: string;
}) {
  return (
    <NameSelect
      {...rest}
      label="Operation"
      emptyLabel="All operations"
      disabled={service === ''}
      query={traceOperationsQuery(source, sourceKey, service)}
    />
  );
}
