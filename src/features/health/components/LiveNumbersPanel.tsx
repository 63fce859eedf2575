import { useMemo } from 'react';
import { PanelContent, PanelFrame, PanelHeader } from '@/components/panel/PanelFrame';
import type { MetricsSample, MetricsSnapshot, TokenUsage } from '@/datasources/live';
import { formatDuration, formatValue, MISSING, type Unit } from '@/lib/format';
import { formatTimestamp } from '@/lib/time';
import { connectionLabel } from '@/query/live/connectionLabel';
import { historySeries, sparklinePoints } from '@/query/live/history';
import { costField, type SnapshotField } from '@/query/live/prometheusSnapshot';
import {
  useObservabilityMetrics,
  type ObservabilityMetrics,
} from '@/query/live/useObservabilityMetrics';
import { useTimeRange } from '@/state/urlState';

type Figure = {
  label: string;
  field: SnapshotField;
  value: (m: MetricsSnapshot) => number;
  format: (value: number) => string;
  /** Draw a sparkline of this figure's history. */
  trend?: boolean;
};

const unit = (u: Unit) => (value: number) => formatValue(value, u);

const FIGURES: readonly Figure[] = [
  {
    label: 'Running executions',
    field: 'runningExecutions',
    value: (m) => m.runningExecutions,
    format: unit('short'),
    trend: true,
  },
  {
    label: 'Started in 5 min',
    field: 'executions5m',
    value: (m) => m.executions5m,
    format: unit('short'),
  },
  {
    label: 'Active steps',
    field: 'activeSteps',
    value: (m) => m.activeSteps,
    format: unit('short'),
    trend: true,
  },
  {
    label: 'Failures, 1 h',
    field: 'failures1h',
    value: (m) => m.failures1h,
    format: unit('short'),
  },
  {
    label: 'Failures, 24 h',
    field: 'failures24h',
    value: (m) => m.failures24h,
    format: unit('short'),
  },
  {
    label: 'Success rate',
    field: 'successRate',
    value: (m) => m.successRate,
    format: unit('percentunit'),
  },
  {
    label: 'Avg execution time',
    field: 'avgExecutionMs',
    value: (m) => m.avgExecutionMs,
    format: formatDuration,
  },
  {
    label: 'System load',
    field: 'systemLoad',
    value: (m) => m.systemLoad,
    format: (v) => v.toFixed(2),
    trend: true,
  },
  {
    label: 'CPU',
    field: 'resources.cpuPercent',
    value: (m) => m.resources.cpuPercent,
    format: unit('percent'),
    trend: true,
  },
  {
    label: 'Memory',
    field: 'resources.memoryPercent',
    value: (m) => m.resources.memoryPercent,
    format: unit('percent'),
  },
  {
    label: 'Disk I/O',
    field: 'resources.ioBytesPerSec',
    value: (m) => m.resources.ioBytesPerSec,
    format: unit('bytes/s'),
  },
  {
    label: 'Network',
    field: 'resources.networkBytesPerSec',
    value: (m) => m.resources.networkBytesPerSec,
    format: unit('bytes/s'),
  },
];

const SPARK = { width: 96, height: 20 };

function Sparkline({ values }: { values: number[] }) {
  const points = sparklinePoints(values, SPARK.width, SPARK.height);
  if (!points) return null;
  return (
    <svg
      aria-hidden
      width={SPARK.width}
      height={SPARK.height}
      viewBox={`0 0 ${SPARK.width} ${SPARK.height}`}
      className="overflow-visible text-sky-600 dark:text-sky-400"
      data-testid="sparkline"
    >
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} />
    </svg>
  );
}

function FigureTile({
  figure,
  metrics,
  history,
  available,
}: {
  figure: Figure;
  metrics: MetricsSnapshot;
  history: readonly MetricsSample[];
  available: boolean;
}) {
  const trend = useMemo(
    () => (figure.trend && available ? historySeries(history, figure.value) : []),
    [figure, history, available],
  );
  return (
    <div className="flex flex-col gap-0.5" data-figure={figure.field}>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{figure.label}</dt>
      <dd
        className="text-xl font-semibold tabular-nums"
        title={available ? undefined : 'Not available from this source'}
      >
        {available ? figure.format(figure.value(metrics)) : MISSING}
      </dd>
      {trend.length > 1 && <Sparkline values={trend} />}
    </div>
  );
}

function TokensTable({
  tokens,
  unavailable,
}: {
  tokens: readonly TokenUsage[];
  unavailable: ReadonlySet<SnapshotField>;
}) {
  if (unavailable.has('tokens')) {
    return <p className="text-sm text-slate-500 dark:text-slate-400">Token usage: {MISSING}</p>;
  }
  if (tokens.length === 0) {
    return <p className="text-sm text-slate-500 dark:text-slate-400">No tokens used.</p>;
  }
  const priced = (row: TokenUsage) => !unavailable.has(costField(row.provider, row.model));
  const total = tokens.reduce(
    (sum, row) => ({
      input: sum.input + row.input,
      output: sum.output + row.output,
      cost: sum.cost + row.costUsd,
    }),
    { input: 0, output: 0, cost: 0 },
  );
  const allPriced = tokens.every(priced);
  return (
    <table className="w-full text-sm">
      <caption className="text-left text-xs text-slate-500 dark:text-slate-400">
        Tokens and cost by provider and model
      </caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
          <th scope="col" className="py-1 pr-2 font-medium">
            Provider / model
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            Input
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            Output
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Cost
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((row) => (
          <tr
            key={`${row.provider}/${row.model}`}
            className="border-b border-slate-100 dark:border-slate-800"
          >
            <th scope="row" className="py-1 pr-2 text-left font-normal">
              {row.provider} / {row.model}
            </th>
            <td className="py-1 pr-2 text-right tabular-nums">
              {formatValue(row.input, 'tokens')}
            </td>
            <td className="py-1 pr-2 text-right tabular-nums">
              {formatValue(row.output, 'tokens')}
            </td>
            <td className="py-1 text-right tabular-nums">
              {priced(row) ? formatValue(row.costUsd, 'currency') : MISSING}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="font-medium">
          <th scope="row" className="py-1 pr-2 text-left">
            Total
          </th>
          <td className="py-1 pr-2 text-right tabular-nums">
            {formatValue(total.input, 'tokens')}
          </td>
          <td className="py-1 pr-2 text-right tabular-nums">
            {formatValue(total.output, 'tokens')}
          </td>
          <td
            className="py-1 text-right tabular-nums"
            title={allPriced ? undefined : 'Models without a price are left out'}
          >
            {formatValue(total.cost, 'currency')}
            {allPriced ? '' : ' +'}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function Figures({ metrics, live }: { metrics: MetricsSnapshot; live: ObservabilityMetrics }) {
  const { history, unavailable } = live;
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-6">
        {FIGURES.map((figure) => (
          <FigureTile
            key={figure.field}
            figure={figure}
            metrics={metrics}
            history={history}
            available={!unavailable.has(figure.field)}
          />
        ))}
      </dl>
      <TokensTable tokens={metrics.tokens} unavailable={unavailable} />
    </div>
  );
}

/**
 * The platform's numbers as they change, from the live metrics stream. Once it has shown data
 * it never goes blank: while the stream is interrupted the last numbers stay, dimmed and
 * marked stale, until fresh ones arrive.
 */
export function LiveNumbersPanel() {
  return (
    <PanelFrame title="Live numbers">
      {(headingId) => <LiveNumbers headingId={headingId} />}
    </PanelFrame>
  );
}

function LiveNumbers({ headingId }: { headingId: string }) {
  const live = useObservabilityMetrics();
  const { tz } = useTimeRange();
  const state = {
    source: live.source,
    status: live.status,
    transport: live.transport,
    lastUpdate: live.lastUpdate,
    error: live.error,
    paused: live.paused,
  };
  return (
    <>
      <PanelHeader
        headingId={headingId}
        title="Live numbers"
        status={
          <>
            <span
              className="text-xs text-slate-500 dark:text-slate-400"
              data-testid="live-numbers-status"
            >
              {connectionLabel(state, null)}
              {live.source === 'prometheus' ? ' · computed from Prometheus' : ''}
            </span>
            {live.stale && live.staleSince !== null && (
              <span
                role="status"
                data-testid="stale-marker"
                className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
              >
                Stale since {formatTimestamp(live.staleSince, tz, { withDate: false })}
              </span>
            )}
          </>
        }
      />
      <div
        className={`p-3 transition-opacity ${live.stale ? 'opacity-60' : ''}`}
        data-stale={live.stale ? 'true' : 'false'}
      >
        {/* Numbers once shown stay through an interruption: marked stale, not failed. */}
        <PanelContent
          data={live.metrics ?? undefined}
          error={
            !live.metrics && live.status === 'offline' && live.error
              ? { message: live.error }
              : null
          }
          waiting={false}
        >
          {(metrics) => <Figures metrics={metrics} live={live} />}
        </PanelContent>
      </div>
    </>
  );
}
