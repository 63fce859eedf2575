import type { KeyboardEvent } from 'react';
import { matchLabel } from '../model/findNav';

export interface FindState {
  query: string;
  /** Null while the worker is searching. */
  total: number | null;
  current: number;
  onlyMatches: boolean;
}

export function Toolbar({
  maxDepth,
  levelsShown,
  criticalPath,
  find,
  onExpandAll,
  onCollapseAll,
  onCollapseToDepth,
  onCriticalPath,
  onFindChange,
  onFindStep,
  onOnlyMatches,
}: {
  maxDepth: number;
  /** The levels chosen in "Show levels", while they are what is shown. */
  levelsShown: number | null;
  criticalPath: boolean;
  find: FindState;
  onExpandAll: () => void;
  onCollapseAll: () => void;
  onCollapseToDepth: (depth: number) => void;
  onCriticalPath: (on: boolean) => void;
  onFindChange: (query: string) => void;
  onFindStep: (direction: 1 | -1) => void;
  onOnlyMatches: (on: boolean) => void;
}) {
  const onFindKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onFindStep(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && find.query !== '') {
      event.preventDefault();
      onFindChange('');
    }
  };
  const levels = Array.from({ length: Math.min(maxDepth + 1, 12) }, (_, i) => i + 1);

  return (
    <div
      role="toolbar"
      aria-label="Waterfall"
      className="flex flex-wrap items-center gap-2 text-xs"
    >
      <button type="button" className="btn" onClick={onExpandAll}>
        Expand all
      </button>
      <button type="button" className="btn" onClick={onCollapseAll}>
        Collapse all
      </button>
      <label className="flex items-center gap-1">
        <span>Show levels</span>
        <select
          className="input py-0.5 text-xs"
          value={levelsShown ?? ''}
          onChange={(event) => onCollapseToDepth(Number(event.target.value))}
        >
          <option value="" disabled>
            …
          </option>
          {levels.map((depth) => (
            <option key={depth} value={depth}>
              1–{depth}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={`btn ${criticalPath ? 'btn-primary' : ''}`}
        aria-pressed={criticalPath}
        onClick={() => onCriticalPath(!criticalPath)}
      >
        Critical path
      </button>
      <div
        className="ml-auto flex min-w-0 flex-1 flex-wrap items-center justify-end gap-1"
        role="search"
      >
        <input
          type="search"
          className="input w-48 min-w-0 flex-1 py-0.5 text-xs sm:max-w-72"
          aria-label="Find in trace"
          placeholder="Find: service, operation, id, attribute, key=value"
          value={find.query}
          onChange={(event) => onFindChange(event.target.value)}
          onKeyDown={onFindKey}
        />
        <span
          aria-live="polite"
          className="min-w-20 text-slate-600 tabular-nums dark:text-slate-300"
          data-testid="find-count"
        >
          {find.query.trim() === ''
            ? ''
            : find.total === null
              ? 'searching…'
              : matchLabel(find.current, find.total)}
        </span>
        <button
          type="button"
          className="btn"
          aria-label="Previous match"
          title="Previous match (Shift+Enter)"
          disabled={!find.total}
          onClick={() => onFindStep(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn"
          aria-label="Next match"
          title="Next match (Enter)"
          disabled={!find.total}
          onClick={() => onFindStep(1)}
        >
          ↓
        </button>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={find.onlyMatches}
            disabled={find.query.trim() === ''}
            onChange={(event) => onOnlyMatches(event.target.checked)}
          />
          Only matches
        </label>
      </div>
    </div>
  );
}
