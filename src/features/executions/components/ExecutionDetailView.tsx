import { useMemo, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { PanelError, PanelSkeleton } from '@/components/panel/Panel';
import type { Execution, Step } from '@/datasources/live';
import { formatDuration, formatValue } from '@/lib/format';
import { formatTimestamp, type TimeZoneMode } from '@/lib/time';
import { useExecutionUpdates } from '@/query/live/useExecutionUpdates';
import { useTimeRange } from '@/state/urlState';
import { useNow } from '../hooks/useNow';
import {
  bottleneckReason,
  executionTotals,
  findBottleneck,
  runWindow,
  type Bottleneck,
} from '../waterfall';
import { LiveStatusLine } from './LiveStatusLine';
import { StatusBadge } from './StatusBadge';
import { StepWaterfall } from './StepWaterfall';

/** Often enough for running bars to grow smoothly (the bar animates between ticks). */
const TICK_MS = 250;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="font-medium tabular-nums">{children}</dd>
    </div>
  );
}

function RunHeader({
  execution,
  steps,
  now,
  tz,
  bottleneck,
}: {
  execution: Execution;
  steps: readonly Step[];
  now: number;
  tz: TimeZoneMode;
  bottleneck: Bottleneck | null;
}) {
  const totals = executionTotals(steps);
  const durationMs = (execution.endedAt ?? now) - execution.startedAt;
  const slowest = bottleneck && steps.find((step) => step.id === bottleneck.stepId);
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
      <Fact label="Workflow">{execution.workflow}</Fact>
      <Fact label="Status">
        <StatusBadge status={execution.status} />
      </Fact>
      <Fact label="Started">{formatTimestamp(execution.startedAt, tz)}</Fact>
      <Fact label={execution.endedAt === null ? 'Running for' : 'Duration'}>
        <span data-testid="execution-duration">{formatDuration(Math.max(0, durationMs))}</span>
      </Fact>
      <Fact label="Tokens">
        <span title={`${totals.inputTokens} in · ${totals.outputTokens} out`}>
          {formatValue(totals.inputTokens + totals.outputTokens, 'tokens')}
        </span>
      </Fact>
      <Fact label="Cost">
        <span data-testid="execution-cost">{formatValue(totals.costUsd, 'currency')}</span>
      </Fact>
      <Fact label="Steps finished">
        {totals.finishedSteps} of {steps.length}
      </Fact>
      {slowest && bottleneck && (
        <div className="col-span-2 flex flex-col sm:col-span-3 lg:col-span-5">
          <dt className="text-xs text-slate-500 dark:text-slate-400">Bottleneck</dt>
          <dd data-testid="bottleneck-summary">
            <span className="font-medium">{slowest.name}</span> (
            {formatDuration(bottleneck.durationMs)}): {bottleneckReason(bottleneck)}
          </dd>
        </div>
      )}
    </dl>
  );
}

/** One run, live: header with totals, its steps as a waterfall, and how updates arrive. */
export function ExecutionDetailView({ executionId }: { executionId: string }) {
  const live = useExecutionUpdates(executionId);
  const { tz } = useTimeRange();
  const location = useLocation();
  const { execution, steps } = live;
  const now = useNow(execution && !live.finished ? TICK_MS : null);
  const span = useMemo(() => (execution ? runWindow(execution, now) : null), [execution, now]);
  const bottleneck = useMemo(
    () => (span ? findBottleneck(steps, span, now) : null),
    [steps, span, now],
  );

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Link
          to={{ pathname: '/executions', search: location.search }}
          className="text-sm text-sky-700 hover:underline dark:text-sky-300"
        >
          ← Executions
        </Link>
        <h1 className="text-lg font-semibold">
          Execution <span className="font-mono">{executionId}</span>
        </h1>
      </div>
      <LiveStatusLine {...live} now={now} tz={tz} />
      <section
        aria-label="Run"
        aria-busy={execution === null}
        data-stale={live.stale ? 'true' : 'false'}
        className={`panel flex flex-col gap-3 p-3 transition-opacity ${live.stale ? 'opacity-60' : ''}`}
      >
        {execution && span ? (
          <>
            <RunHeader
              execution={execution}
              steps={steps}
              now={now}
              tz={tz}
              bottleneck={bottleneck}
            />
            <StepWaterfall steps={steps} span={span} now={now} bottleneck={bottleneck} />
          </>
        ) : live.status === 'offline' && live.error ? (
          <PanelError message={live.error} />
        ) : (
          <PanelSkeleton />
        )}
      </section>
    </div>
  );
}
