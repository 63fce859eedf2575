import { memo, type Ref } from 'react';
import type { Step, StepStatus } from '@/datasources/live';
import { formatDuration, formatValue } from '@/lib/format';
import { StatusBadge } from './StatusBadge';

const BAR_TONE: Record<StepStatus, string> = {
  pending: 'bg-slate-300 dark:bg-slate-600',
  running: 'bg-sky-400',
  succeeded: 'bg-emerald-500',
  failed: 'bg-red-500',
  skipped: 'bg-slate-300 dark:bg-slate-600',
};

export type StepRowProps = {
  ref?: Ref<HTMLTableRowElement>;
  /** Position in the list, read by the virtualizer when it measures the row. */
  index: number;
  step: Step;
  offsetPct: number | null;
  widthPct: number | null;
  durationMs: number | null;
  /** Why this step is highlighted; null when it is not the bottleneck. */
  bottleneck: string | null;
};

/** Memoised on plain values, so a burst of updates re-renders only the steps that changed. */
export const StepRow = memo(function StepRow({
  ref,
  index,
  step,
  offsetPct,
  widthPct,
  durationMs,
  bottleneck,
}: StepRowProps) {
  const tokens = step.tokens.input + step.tokens.output;
  return (
    <tr
      ref={ref}
      data-index={index}
      data-step-id={step.id}
      data-step-status={step.status}
      data-bottleneck={bottleneck ? 'true' : undefined}
      className={`border-b border-slate-100 align-top dark:border-slate-800 ${bottleneck ? 'bg-amber-50 dark:bg-amber-950/40' : ''}`}
    >
      <th scope="row" className="px-2 py-1.5 text-left font-normal">
        <span className="block font-medium">{step.name}</span>
        <span className="block text-xs text-slate-500 dark:text-slate-400">
          {step.agent} · {step.id}
        </span>
        {bottleneck && (
          <span className="mt-0.5 block text-xs font-medium text-amber-800 dark:text-amber-300">
            Bottleneck: {bottleneck}
          </span>
        )}
        {step.error && (
          <span
            className={`mt-0.5 block text-xs break-words ${step.status === 'failed' ? 'text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-400'}`}
            data-testid="step-error"
          >
            {step.error}
          </span>
        )}
      </th>
      <td className="px-2 py-1.5">
        <StatusBadge status={step.status} />
      </td>
      <td className="px-2 py-1.5">
        <div
          className="relative h-4 overflow-hidden rounded bg-slate-100 dark:bg-slate-800"
          aria-hidden
        >
          {offsetPct !== null && widthPct !== null && (
            <div
              className={`absolute inset-y-0 left-0 w-full origin-left rounded-sm ${BAR_TONE[step.status]}`}
              // A transform moves and sizes the bar without a layout pass.
              style={{
                transform: `translateX(${offsetPct}%) scaleX(${Math.max(widthPct, 0.4) / 100})`,
              }}
            />
          )}
        </div>
      </td>
      <td className="px-2 py-1.5 text-right tabular-nums">
        {durationMs === null ? '–' : formatDuration(durationMs)}
      </td>
      <td
        className="px-2 py-1.5 text-right tabular-nums"
        title={`${step.tokens.input} in · ${step.tokens.output} out`}
      >
        {formatValue(tokens, 'tokens')}
      </td>
      <td className="px-2 py-1.5 text-right tabular-nums">
        {formatValue(step.costUsd, 'currency')}
      </td>
    </tr>
  );
});
