import { useEffect, useId, useRef, useState } from 'react';
import {
  QUICK_RANGES,
  describeRange,
  formatTimestamp,
  parseTimeExpr,
  type RawTimeRange,
  type TimeZoneMode,
} from '@/lib/time';

type Props = {
  raw: RawTimeRange;
  range: { from: number; to: number };
  tz: TimeZoneMode;
  onChange: (raw: RawTimeRange) => void;
  onShift: (direction: -1 | 1) => void;
  onZoomOut: () => void;
};

export function TimeRangePicker({ raw, range, tz, onChange, onShift, onZoomOut }: Props) {
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(raw.from);
  const [to, setTo] = useState(raw.to);
  const [error, setError] = useState<string | null>(null);
  const popoverId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setFrom(raw.from);
    setTo(raw.to);
    setError(null);
  }, [raw.from, raw.to, open]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const apply = () => {
    const now = Date.now();
    const f = parseTimeExpr(from.trim(), { now, roundUp: false, tz });
    const t = parseTimeExpr(to.trim(), { now, roundUp: true, tz });
    if (!f.ok) return setError(`From: ${f.error}`);
    if (!t.ok) return setError(`To: ${t.error}`);
    if (f.value >= t.value) return setError('From must be before To');
    onChange({ from: from.trim(), to: to.trim() });
    setOpen(false);
  };

  return (
    <div ref={rootRef} className="relative flex items-center">
      <button
        type="button"
        className="btn rounded-r-none"
        aria-label="Shift time range back"
        title="Shift back (t ←)"
        onClick={() => onShift(-1)}
      >
        ‹
      </button>
      <button
        type="button"
        className="btn rounded-none border-x-0 tabular-nums"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={popoverId}
        title={`${formatTimestamp(range.from, tz, { withDate: true, withSeconds: true })} → ${formatTimestamp(range.to, tz, { withDate: true, withSeconds: true })}`}
        onClick={() => setOpen((o) => !o)}
        data-testid="time-range-button"
      >
        <span className="max-w-72 truncate">{describeRange(raw, tz)}</span>
      </button>
      <button
        type="button"
        className="btn rounded-none border-r-0"
        aria-label="Shift time range forward"
        title="Shift forward (t →)"
        onClick={() => onShift(1)}
      >
        ›
      </button>
      <button
        type="button"
        className="btn rounded-l-none"
        aria-label="Zoom out time range"
        title="Zoom out (t z)"
        onClick={onZoomOut}
      >
        −
      </button>
      {open && (
        <div
          id={popoverId}
          role="dialog"
          aria-label="Time range"
          className="absolute top-full right-0 z-30 mt-1 flex w-[min(34rem,90vw)] gap-4 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <form
            className="flex flex-1 flex-col gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              apply();
            }}
          >
            <label className="flex flex-col text-xs">
              From
              <input
                className="input"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
                placeholder="now-1h"
              />
            </label>
            <label className="flex flex-col text-xs">
              To
              <input
                className="input"
                value={to}
                onChange={(e) => setTo(e.target.value)}
                placeholder="now"
              />
            </label>
            {error && (
              <p role="alert" className="text-xs text-red-700 dark:text-red-300">
                {error}
              </p>
            )}
            <button type="submit" className="btn btn-primary self-start">
              Apply time range
            </button>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              Examples: now-6h, now/d, now-1d/d, 2026-01-02T10:00:00Z, epoch ms
            </p>
          </form>
          <ul className="max-h-72 w-44 overflow-auto text-sm" aria-label="Quick ranges">
            {QUICK_RANGES.map((q) => (
              <li key={q.label}>
                <button
                  type="button"
                  className="w-full rounded px-2 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
                  onClick={() => {
                    onChange({ from: q.from, to: q.to });
                    setOpen(false);
                  }}
                >
                  {q.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
