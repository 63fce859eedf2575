import { useMemo, type ReactNode } from 'react';
import { formatCount, formatCountOf, formatValue } from '@/lib/format';
import { formatTimestamp, type TimeZoneMode } from '@/lib/time';
import { SPAN_FLAG } from '@/datasources/traces/worker';
import type { GenAiData, TraceOverview } from '@/datasources/traces/worker';
import { serviceColor } from '../model/colors';
import { formatUs } from '../model/timeScale';
import { compareNames } from '@/lib/compareNames';

/** The trace's identity and figures, and the problems found in it, listed honestly. */
export function TraceHeader({
  overview,
  shown,
  genAi,
  tz,
}: {
  overview: TraceOverview;
  /** Rows on screen (collapsed subtrees and filters hide the rest). */
  shown: number;
  /** Undefined while the full parse is still reading span attributes. */
  genAi: GenAiData | null | undefined;
  tz: TimeZoneMode;
}) {
  const root = useMemo(() => rootSpan(overview), [overview]);
  const serviceCounts = useMemo(() => countPerService(overview), [overview]);
  const total = overview.spanCount;

  return (
    <section aria-label="Trace summary" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h1 className="text-lg font-semibold break-all">
          {root >= 0
            ? `${overview.services[overview.service[root] as number]}: ${overview.operations[overview.operation[root] as number]}`
            : 'Trace'}
        </h1>
        <span className="font-mono text-xs break-all text-slate-500 dark:text-slate-400">
          {overview.traceId}
        </span>
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm" data-testid="trace-stats">
        <Stat label="Spans">
          {shown < total ? (
            <span data-testid="shown-spans">
              {formatCount(shown)} of {formatCount(total)} shown
            </span>
          ) : (
            <span data-testid="shown-spans">{formatCount(total)}</span>
          )}
        </Stat>
        <Stat label="Errors">
          <span
            className={
              overview.errorCount > 0 ? 'font-semibold text-red-700 dark:text-red-300' : ''
            }
          >
            {formatCount(overview.errorCount)}
          </span>
        </Stat>
        <Stat label="Duration">{formatUs(overview.durationUs)}</Stat>
        <Stat label="Started">{formatTimestamp(overview.startUs / 1000, tz)}</Stat>
        <Stat label="Depth">{formatCountOf(overview.maxDepth + 1, 'level')}</Stat>
        <Stat label="Services">{overview.services.length}</Stat>
        {/* Always present, so the summary does not reflow when the full parse ends. */}
        <Stat label="GenAI">
          {genAi === undefined ? (
            <span role="status" className="text-slate-500 dark:text-slate-400">
              reading span attributes…
            </span>
          ) : genAi === null || genAi.totals.calls === 0 ? (
            'no model calls'
          ) : (
            <>
              {formatValue(genAi.totals.inputTokens, 'tokens')} in ·{' '}
              {formatValue(genAi.totals.outputTokens, 'tokens')} out
              {genAi.totals.costUsd !== null &&
                ` · ${formatValue(genAi.totals.costUsd, 'currency')}`}{' '}
              · {formatCountOf(genAi.totals.calls, 'call')}
            </>
          )}
        </Stat>
      </dl>
      <ul aria-label="Services" className="flex flex-wrap gap-1 text-xs">
        {serviceCounts.map(({ name, index, count }) => (
          <li
            key={name}
            className="flex items-center gap-1 rounded border border-slate-200 px-1.5 py-0.5 dark:border-slate-700"
          >
            <span
              className="h-2 w-2 rounded-sm"
              style={{ background: serviceColor(index) }}
              aria-hidden="true"
            />
            {name}{' '}
            <span className="text-slate-500 tabular-nums dark:text-slate-400">
              {formatCount(count)}
            </span>
          </li>
        ))}
      </ul>
      <TraceWarnings overview={overview} />
    </section>
  );
}

function TraceWarnings({ overview }: { overview: TraceOverview }) {
  const { warnings, documentWarnings, otherTraceIds } = overview;
  if (warnings.length === 0 && documentWarnings.length === 0 && otherTraceIds.length === 0)
    return null;
  return (
    <div
      role="note"
      aria-label="Warnings"
      className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <ul className="list-disc pl-4">
        {warnings.map((w) => (
          <li key={`${w.code}-${w.message}`}>
            {w.message}
            {w.count > 1 ? ` (${formatCount(w.count)} spans)` : w.spanKey ? ' (1 span)' : ''}
          </li>
        ))}
        {documentWarnings.map((w, i) => (
          <li key={`doc-${i}`}>{w}</li>
        ))}
        {otherTraceIds.length > 0 && (
          <li>
            The document holds {otherTraceIds.length} other{' '}
            {otherTraceIds.length === 1 ? 'trace' : 'traces'} (
            {otherTraceIds.slice(0, 3).join(', ')}
            {otherTraceIds.length > 3 ? ', …' : ''}), not shown here.
          </li>
        )}
      </ul>
    </div>
  );
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-1">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="font-medium tabular-nums">{children}</dd>
    </div>
  );
}

/** The earliest root that is not an orphan, else the first root. */
export function rootSpan(overview: TraceOverview): number {
  const roots = overview.rootIndices;
  const proper = roots.find((i) => ((overview.flags[i] as number) & SPAN_FLAG.orphan) === 0);
  return proper ?? roots[0] ?? -1;
}

function countPerService(overview: TraceOverview) {
  const counts = new Int32Array(overview.services.length);
  for (let i = 0; i < overview.spanCount; i++) {
    const s = overview.service[i] as number;
    counts[s] = (counts[s] as number) + 1;
  }
  return overview.services
    .map((name, index) => ({ name, index, count: counts[index] as number }))
    .sort((a, b) => b.count - a.count || compareNames(a.name, b.name));
}
