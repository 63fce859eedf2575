import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { SelectControl } from '@/components/controls/SelectControl';
import { PanelError, PanelSkeleton } from '@/components/panel/Panel';
import { DataTable, type Column } from '@/components/panel/DataTable';
import type { ExecutionSummary, GatewayRest } from '@/datasources/live';
import { formatDuration, formatValue } from '@/lib/format';
import { formatTimestamp, refreshToMs, type TimeZoneMode } from '@/lib/time';
import { useTimeRange } from '@/state/urlState';
import { useUrlParams } from '@/state/useUrlParams';
import { recentExecutionsQueryOptions } from '@/query/live/executions';
import {
  STATUS_FILTERS,
  filterExecutions,
  parseStatusFilter,
  summaryDurationMs,
  type StatusFilter,
} from '../executionFilters';
import { useNow } from '../hooks/useNow';
import { StatusBadge } from './StatusBadge';

function columns(now: number, tz: TimeZoneMode, search: string): Column<ExecutionSummary>[] {
  return [
    {
      key: 'id',
      header: 'Run',
      render: (row) => (
        <Link
          to={{ pathname: `/executions/${encodeURIComponent(row.id)}`, search }}
          className="font-mono text-sky-700 hover:underline dark:text-sky-300"
          onClick={(event) => event.stopPropagation()}
        >
          {row.id}
        </Link>
      ),
      sortValue: (row) => row.startedAt,
    },
    {
      key: 'workflow',
      header: 'Workflow',
      render: (row) => row.workflow,
      sortValue: (row) => row.workflow,
    },
    {
      key: 'status',
      header: 'Status',
      render: (row) => <StatusBadge status={row.status} />,
      sortValue: (row) => row.status,
    },
    {
      key: 'started',
      header: 'Started',
      render: (row) => formatTimestamp(row.startedAt, tz),
      sortValue: (row) => row.startedAt,
    },
    {
      key: 'duration',
      header: 'Duration',
      align: 'right',
      render: (row) => formatDuration(summaryDurationMs(row, now)),
      sortValue: (row) => summaryDurationMs(row, now),
    },
    {
      key: 'steps',
      header: 'Steps',
      align: 'right',
      render: (row) => row.stepCount,
      sortValue: (row) => row.stepCount,
    },
    {
      key: 'tokens',
      header: 'Tokens',
      align: 'right',
      render: (row) => formatValue(row.tokens.input + row.tokens.output, 'tokens'),
      sortValue: (row) => row.tokens.input + row.tokens.output,
    },
    {
      key: 'cost',
      header: 'Cost',
      align: 'right',
      render: (row) => formatValue(row.costUsd, 'currency'),
      sortValue: (row) => row.costUsd,
    },
  ];
}

/** Recent workflow runs from the gateway, filterable by status; a row opens the run. */
export function ExecutionListView({ rest, gateway }: { rest: GatewayRest; gateway: string }) {
  const { refresh, tz } = useTimeRange();
  const { params, update } = useUrlParams();
  const location = useLocation();
  const navigate = useNavigate();
  const filter = parseStatusFilter(params.get('status'));
  const query = useQuery(
    recentExecutionsQueryOptions(rest, gateway, { refetchIntervalMs: refreshToMs(refresh) }),
  );
  const hasRunning = query.data?.some((row) => row.endedAt === null) ?? false;
  const now = useNow(hasRunning ? 1_000 : null);
  const rows = useMemo(() => filterExecutions(query.data ?? [], filter), [query.data, filter]);
  const cols = useMemo(() => columns(now, tz, location.search), [now, tz, location.search]);

  return (
    <section className="panel flex flex-col gap-2 p-3" aria-labelledby="recent-runs-title">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="recent-runs-title" className="text-sm font-semibold">
          Recent runs
        </h2>
        <SelectControl<StatusFilter>
          label="Status"
          value={filter}
          testId="execution-status-filter"
          options={STATUS_FILTERS.map((value) => ({
            value,
            label: value === 'all' ? 'All statuses' : value,
          }))}
          onChange={(value) =>
            update((next) => {
              if (value === 'all') next.delete('status');
              else next.set('status', value);
            })
          }
        />
        {query.data && (
          <span className="text-xs text-slate-500 dark:text-slate-400">
            {rows.length} of {query.data.length} runs
          </span>
        )}
      </div>
      {query.data === undefined && query.error === null && <PanelSkeleton />}
      {query.data === undefined && query.error !== null && (
        <PanelError message={query.error.message} onRetry={() => void query.refetch()} />
      )}
      {query.data !== undefined && query.error !== null && (
        <p
          role="alert"
          className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          Showing earlier data; the last refresh failed: {query.error.message}
        </p>
      )}
      {query.data !== undefined &&
        (rows.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">
            {filter === 'all' ? 'No runs yet.' : `No ${filter} runs among the recent ones.`}
          </p>
        ) : (
          <DataTable
            caption="Recent workflow runs"
            columns={cols}
            rows={rows}
            rowKey={(row) => row.id}
            onRowClick={(row) =>
              void navigate({
                pathname: `/executions/${encodeURIComponent(row.id)}`,
                search: location.search,
              })
            }
          />
        ))}
    </section>
  );
}
