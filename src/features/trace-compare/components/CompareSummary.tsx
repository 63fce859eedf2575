import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PanelError, PanelSkeleton } from '@/components/panel/Panel';
import { DataSourceError } from '@/datasources/http';
import { SPAN_FLAG, type TraceOverview } from '@/datasources/traces/worker';
import { formatDuration } from '@/lib/format';
import { formatTimestamp, type TimeZoneMode } from '@/lib/time';
import { LocalTraceMissingError } from '@/query/traces/compare';
import { traceHref } from '@/lib/traceLinks';
import type { StructureDiff } from '../structureDiff';

export interface CompareSide {
  readonly label: 'A' | 'B';
  readonly id: string;
  readonly query: UseQueryResult<TraceOverview, Error>;
}

interface Metric {
  readonly name: string;
  readonly value: (trace: TraceOverview) => number;
  readonly format: (value: number) => string;
}

const METRICS: readonly Metric[] = [
  { name: 'Spans', value: (t) => t.spanCount, format: String },
  { name: 'Duration', value: (t) => t.durationUs, format: (v) => formatDuration(v / 1000) },
  { name: 'Errors', value: (t) => t.errorCount, format: String },
  { name: 'Services', value: (t) => t.services.length, format: String },
  { name: 'Depth', value: (t) => t.maxDepth + 1, format: String },
];

/** Each trace's identity and headline figures, side by side, with B's change against A. */
export function CompareSummary({
  a,
  b,
  diff,
  tz,
}: {
  a: CompareSide;
  b: CompareSide;
  diff: StructureDiff | null;
  tz: TimeZoneMode;
}) {
  const traceA = a.query.data;
  const traceB = b.query.data;
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <SideCard side={a} tz={tz} onlyHere={diff?.counts['only-a']} />
      <SideCard side={b} tz={tz} onlyHere={diff?.counts['only-b']} />
      {traceA && traceB && (
        <div
          className="overflow-x-auto md:col-span-2"
          role="region"
          aria-label="Summary"
          tabIndex={0}
        >
          <table className="w-full max-w-2xl border-collapse text-sm">
            <caption className="sr-only">Trace A against trace B</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
                <th scope="col" className="px-2 py-1 font-medium">
                  <span className="sr-only">Figure</span>
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  A
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  B
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {METRICS.map((m) => (
                <MetricRow key={m.name} metric={m} a={traceA} b={traceB} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function MetricRow({ metric, a, b }: { metric: Metric; a: TraceOverview; b: TraceOverview }) {
  const va = metric.value(a);
  const vb = metric.value(b);
  const delta = vb - va;
  let change: ReactNode = 'same';
  if (delta !== 0) {
    const pct =
      va === 0 ? '' : ` (${delta > 0 ? '+' : '−'}${Math.round((Math.abs(delta) / va) * 100)}%)`;
    change = `${delta > 0 ? '+' : '−'}${metric.format(Math.abs(delta))}${pct}`;
  }
  return (
    <tr className="border-b border-slate-100 dark:border-slate-800">
      <th scope="row" className="px-2 py-1 text-left font-medium">
        {metric.name}
      </th>
      <td className="px-2 py-1 text-right tabular-nums">{metric.format(va)}</td>
      <td className="px-2 py-1 text-right tabular-nums">{metric.format(vb)}</td>
      <td className="px-2 py-1 text-right tabular-nums">{change}</td>
    </tr>
  );
}

function SideCard({
  side,
  tz,
  onlyHere,
}: {
  side: CompareSide;
  tz: TimeZoneMode;
  onlyHere: number | undefined;
}) {
  const [params] = useSearchParams();
  const { data, error, refetch } = side.query;
  const summary = useMemo(() => (data ? rootOf(data) : null), [data]);
  return (
    <section className="panel flex min-w-0 flex-col" aria-label={`Trace ${side.label}`}>
      <header className="flex items-baseline gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h2 className="text-sm font-semibold">Trace {side.label}</h2>
        <span
          className="truncate font-mono text-xs text-slate-500 dark:text-slate-400"
          title={side.id}
        >
          {side.id}
        </span>
      </header>
      <div className="p-3 text-sm">
        {error ? (
          <PanelError
            title="The trace could not be loaded"
            message={error.message}
            onRetry={canRetry(error) ? () => void refetch() : undefined}
          />
        ) : !summary ? (
          <PanelSkeleton />
        ) : (
          <div className="flex flex-col gap-1">
            <Link
              to={traceHref(side.id, params)}
              className="font-medium text-sky-700 hover:underline dark:text-sky-300"
            >
              {summary.rootService ?? 'unknown service'}:{' '}
              {summary.rootOperation ?? 'missing root span'}
            </Link>
            <span className="text-xs text-slate-600 dark:text-slate-300">
              Started {formatTimestamp(summary.startUs / 1000, tz)}
              {onlyHere !== undefined &&
                ` · ${onlyHere} ${onlyHere === 1 ? 'path' : 'paths'} only in ${side.label}`}
            </span>
          </div>
        )}
      </div>
    </section>
  );
}

/** Asking again cannot bring back a missing trace or a file that is no longer open. */
function canRetry(error: Error): boolean {
  if (error instanceof LocalTraceMissingError) return false;
  return !(error instanceof DataSourceError && error.status === 404);
}

/** The earliest root that is not an orphan, or the earliest root if all are orphans. */
function rootOf(trace: TraceOverview) {
  const roots = trace.rootIndices;
  const root = roots.find((i) => ((trace.flags[i] as number) & SPAN_FLAG.orphan) === 0) ?? roots[0];
  return {
    rootService: root === undefined ? null : trace.services[trace.service[root] as number],
    rootOperation: root === undefined ? null : trace.operations[trace.operation[root] as number],
    startUs: trace.startUs,
  };
}
