type Option<T extends string> = { value: T; label: string };

/** A labelled native select: accessible and keyboard-friendly without extra code. */
export function SelectControl<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<Option<T>>;
  onChange: (value: T) => void;
  testId?: string;
}) {
  return (
    <label className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-300">
      <span className="sr-only sm:not-sr-only">{label}</span>
      <select
        aria-label={label}
        className="input py-1"
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
