import { useEffect, useState } from 'react';
import { DataTable, type Column } from '@/components/panel/DataTable';
import { formatCount, formatValue } from '@/lib/format';
import type { SelfTimeRow } from '@/datasources/traces';
import type { GenAiData, TraceHandle } from '@/datasources/traces/worker';
import { formatUs } from '../model/timeScale';

export type TabId = 'waterfall' | 'self-time' | 'genai';

/** Tabs over the waterfall and the trace-wide tables (bottlenecks, GenAI usage by model). */
export function AnalysisTabs({
  tab,
  onTab,
  handle,
  genAi,
}: {
  tab: TabId;
  onTab: (tab: TabId) => void;
  handle: TraceHandle;
  genAi: GenAiData | null;
}) {
  const tabs: Array<{ id: TabId; label: string }> = [
    { id: 'waterfall', label: 'Waterfall' },
    { id: 'self-time', label: 'Self time by operation' },
    ...(genAi ? [{ id: 'genai' as const, label: 'GenAI usage' }] : []),
  ];
  return (
    <>
      <div
        role="tablist"
        aria-label="Trace views"
        className="flex gap-1 border-b border-slate-200 dark:border-slate-700"
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={`border-b-2 px-3 py-1 text-sm ${
              tab === t.id
                ? 'border-sky-600 font-medium text-sky-800 dark:border-sky-400 dark:text-sky-300'
                : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400'
            }`}
            onClick={() => onTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'self-time' && <SelfTimePanel handle={handle} />}
      {tab === 'genai' && genAi && <GenAiPanel genAi={genAi} />}
    </>
  );
}

const SELF_TIME_COLUMNS: Column<SelfTimeRow>[] = [
  { key: 'service', header: 'Service', render: (r) => r.service, sortValue: (r) => r.service },
  {
    key: 'operation',
    header: 'Operation',
    render: (r) => r.operation,
    sortValue: (r) => r.operation,
  },
  {
    key: 'count',
    header: 'Spans',
    render: (r) => formatCount(r.count),
    sortValue: (r) => r.count,
    align: 'right',
  },
  {
    key: 'total',
    header: 'Total',
    render: (r) => formatUs(r.totalUs),
    sortValue: (r) => r.totalUs,
    align: 'right',
  },
  {
    key: 'self',
    header: 'Self total',
    render: (r) => formatUs(r.selfTotalUs),
    sortValue: (r) => r.selfTotalUs,
    align: 'right',
  },
  {
    key: 'avg',
    header: 'Avg',
    render: (r) => formatUs(r.avgUs),
    sortValue: (r) => r.avgUs,
    align: 'right',
  },
  {
    key: 'selfAvg',
    header: 'Self avg',
    render: (r) => formatUs(r.selfAvgUs),
    sortValue: (r) => r.selfAvgUs,
    align: 'right',
  },
  {
    key: 'max',
    header: 'Max',
    render: (r) => formatUs(r.maxUs),
    sortValue: (r) => r.maxUs,
    align: 'right',
  },
  {
    key: 'errors',
    header: 'Errors',
    render: (r) => formatCount(r.errorCount),
    sortValue: (r) => r.errorCount,
    align: 'right',
  },
];

function SelfTimePanel({ handle }: { handle: TraceHandle }) {
  const [rows, setRows] = useState<SelfTimeRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    handle.selfTime().then(
      (value) => live && setRows(value),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [handle]);
  return (
    <section className="panel p-3" aria-label="Self time by operation">
      <p className="mb-2 text-xs text-slate-600 dark:text-slate-300">
        Self time is a span’s duration minus the time covered by its children: where the time was
        spent rather than waited. Sorted by self total; click a header to sort.
      </p>
      {error && <p role="alert">{error}</p>}
      {!rows && !error && <p aria-busy="true">Computing…</p>}
      {rows && (
        <DataTable
          caption="Self time by service and operation"
          columns={SELF_TIME_COLUMNS}
          rows={rows}
          rowKey={(r) => `${r.service}\u0000${r.operation}`}
          initialSort={{ key: 'self', dir: 'desc' }}
        />
      )}
    </section>
  );
}

type ModelRow = GenAiData['byModel'][number];

const MODEL_COLUMNS: Column<ModelRow>[] = [
  { key: 'model', header: 'Model', render: (r) => r.model, sortValue: (r) => r.model },
  {
    key: 'provider',
    header: 'Provider',
    render: (r) => r.provider ?? '–',
    sortValue: (r) => r.provider,
  },
  {
    key: 'calls',
    header: 'Calls',
    render: (r) => formatCount(r.calls),
    sortValue: (r) => r.calls,
    align: 'right',
  },
  {
    key: 'in',
    header: 'Tokens in',
    render: (r) => formatCount(r.inputTokens),
    sortValue: (r) => r.inputTokens,
    align: 'right',
  },
  {
    key: 'out',
    header: 'Tokens out',
    render: (r) => formatCount(r.outputTokens),
    sortValue: (r) => r.outputTokens,
    align: 'right',
  },
  {
    key: 'cost',
    header: 'Cost',
    render: (r) => (r.costUsd === null ? '–' : formatValue(r.costUsd, 'currency')),
    sortValue: (r) => r.costUsd,
    align: 'right',
  },
];

function GenAiPanel({ genAi }: { genAi: GenAiData }) {
  const { totals } = genAi;
  return (
    <section className="panel p-3" aria-label="GenAI usage">
      <p className="mb-2 text-sm">
        {formatCount(totals.calls)} model calls · {formatCount(totals.inputTokens)} tokens in ·{' '}
        {formatCount(totals.outputTokens)} tokens out
        {totals.costUsd !== null && ` · ${formatValue(totals.costUsd, 'currency')}`}
      </p>
      <DataTable
        caption="GenAI usage by model"
        columns={MODEL_COLUMNS}
        rows={genAi.byModel}
        rowKey={(r) => `${r.provider ?? ''}\u0000${r.model}`}
        initialSort={{ key: 'in', dir: 'desc' }}
      />
    </section>
  );
}
