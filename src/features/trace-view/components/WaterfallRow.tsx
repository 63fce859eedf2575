import { memo } from 'react';
import { formatValue } from '@/lib/format';
import { SPAN_FLAG } from '@/datasources/traces/worker';
import type { CriticalPathData, GenAiData, TraceOverview } from '@/datasources/traces/worker';
import type { CriticalIndex } from '../model/critical';
import { criticalSegmentsOf } from '../model/critical';
import { ERROR_BAR_BACKGROUND, serviceColor } from '../model/colors';
import { barGeometry, formatUs } from '../model/timeScale';

export const ROW_HEIGHT = 24;
const INDENT_PX = 14;
/** Deeper levels stop indenting so the names keep some room. */
const MAX_INDENT_LEVELS = 24;

export function rowDomId(span: number): string {
  return `trace-row-${span}`;
}

export interface RowProps {
  overview: TraceOverview;
  span: number;
  row: number;
  nameWidth: number;
  collapsed: boolean;
  /** Children with a row when expanded (fewer than the span has under a filter). */
  childRows: number;
  selected: boolean;
  matched: boolean;
  current: boolean;
  critical: { index: CriticalIndex; data: CriticalPathData } | null;
  genAi: GenAiData | null;
  /** Marks the first row for paint timing (Element Timing API). */
  timed: boolean;
  onClick: (span: number) => void;
  onToggle: (span: number) => void;
}

/** One span: name column (indent, toggle, service colour, operation) and its time bar. */
export const WaterfallRow = memo(function WaterfallRow(props: RowProps) {
  const { overview, span, row, nameWidth, collapsed, selected, matched, current } = props;
  const depth = overview.depth[span] as number;
  const children = props.childRows;
  const flags = overview.flags[span] as number;
  const isError = (flags & SPAN_FLAG.error) !== 0;
  const service = overview.services[overview.service[span] as number] ?? '';
  const operation = overview.operations[overview.operation[span] as number] ?? '';
  const color = serviceColor(overview.service[span] as number);
  const start = overview.start[span] as number;
  const duration = overview.duration[span] as number;
  const bar = barGeometry(start, duration, overview.durationUs);
  const onPath = props.critical?.index.onPath[span] === 1;
  const label = labelPlacement(bar.leftPct, bar.widthPct);

  return (
    <div
      role="treeitem"
      id={rowDomId(span)}
      aria-level={depth + 1}
      aria-expanded={children > 0 ? !collapsed : undefined}
      aria-selected={selected}
      data-row-index={row}
      data-span-index={span}
      className={`absolute right-0 left-0 flex cursor-pointer items-center text-xs ${
        selected
          ? 'bg-sky-100 dark:bg-sky-900/60'
          : current
            ? 'bg-amber-100 dark:bg-amber-900/50'
            : matched
              ? 'bg-amber-50 dark:bg-amber-950/40'
              : 'hover:bg-slate-100 dark:hover:bg-slate-800'
      }`}
      style={{ top: row * ROW_HEIGHT, height: ROW_HEIGHT }}
      onClick={() => props.onClick(span)}
    >
      <div
        className={`flex h-full shrink-0 items-center gap-1 overflow-hidden border-r border-slate-200 pr-1 dark:border-slate-700 ${
          onPath ? 'shadow-[inset_3px_0_0_0_#7c3aed]' : ''
        }`}
        style={{
          width: nameWidth,
          paddingLeft: 4 + Math.min(depth, MAX_INDENT_LEVELS) * INDENT_PX,
        }}
        title={`${service}: ${operation}`}
      >
        {children > 0 ? (
          <button
            type="button"
            tabIndex={-1}
            className="flex h-5 min-w-8 shrink-0 items-center gap-0.5 rounded px-0.5 text-[11px] text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${children} child ${children === 1 ? 'span' : 'spans'}`}
            onClick={(event) => {
              event.stopPropagation();
              props.onToggle(span);
            }}
          >
            <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
            {children}
          </button>
        ) : (
          <span className="w-8 shrink-0" aria-hidden="true" />
        )}
        <span
          className="h-3 w-1.5 shrink-0 rounded-sm"
          style={{ background: color }}
          aria-hidden="true"
        />
        {isError && (
          <span
            className="shrink-0 rounded bg-red-600 px-1 text-[10px] font-bold text-white"
            title="This span reports an error"
          >
            !<span className="sr-only"> error</span>
          </span>
        )}
        {/* Bounded, so a long service name leaves room for the operation. */}
        <span className="max-w-[40%] shrink-0 truncate text-slate-500 dark:text-slate-400">
          {service}
        </span>
        <span
          className="min-w-12 truncate font-medium"
          {...(props.timed ? { elementtiming: 'trace-first-row' } : {})}
        >
          {operation}
        </span>
        <GenAiBadge genAi={props.genAi} span={span} />
      </div>
      <div className="relative h-full min-w-0 flex-1">
        <div
          className={`absolute top-1.5 h-3 rounded-sm ${onPath ? 'opacity-60' : ''}`}
          style={{
            left: `${bar.leftPct}%`,
            width: `${bar.widthPct}%`,
            background: isError ? ERROR_BAR_BACKGROUND : color,
          }}
        />
        {props.critical && onPath && (
          <CriticalMarks {...props.critical} span={span} total={overview.durationUs} />
        )}
        <span
          className={`absolute top-1 text-[11px] whitespace-nowrap tabular-nums ${
            label.inside ? 'font-medium text-white' : 'text-slate-600 dark:text-slate-300'
          }`}
          style={label.style}
        >
          {formatUs(duration)}
        </span>
      </div>
    </div>
  );
});

/** Duration label beside the bar where there is room, else inside its right end. */
export function labelPlacement(
  leftPct: number,
  widthPct: number,
): { inside: boolean; style: { left?: string; right?: string } } {
  const after = 100 - leftPct - widthPct;
  if (after >= 12) return { inside: false, style: { left: `calc(${leftPct + widthPct}% + 4px)` } };
  if (leftPct >= 12) return { inside: false, style: { right: `calc(${100 - leftPct}% + 4px)` } };
  return { inside: true, style: { right: `calc(${after}% + 4px)` } };
}

function CriticalMarks({
  index,
  data,
  span,
  total,
}: {
  index: CriticalIndex;
  data: CriticalPathData;
  span: number;
  total: number;
}) {
  return (
    <>
      {criticalSegmentsOf(index, data, span).map((segment) => {
        const bar = barGeometry(segment.start, segment.end - segment.start, total);
        return (
          <div
            key={segment.start}
            data-critical-segment=""
            title="On the critical path"
            className="absolute top-1 h-4 rounded-sm border-2 border-violet-700 dark:border-violet-300"
            style={{ left: `${bar.leftPct}%`, width: `${bar.widthPct}%` }}
          />
        );
      })}
    </>
  );
}

function GenAiBadge({ genAi, span }: { genAi: GenAiData | null; span: number }) {
  if (!genAi) return null;
  const input = genAi.subtreeInputTokens[span] as number;
  const output = genAi.subtreeOutputTokens[span] as number;
  if (!(input > 0 || output > 0)) return null;
  const cost = genAi.subtreeCostUsd[span] as number;
  const model = genAi.models[genAi.model[span] as number];
  return (
    <span
      className="ml-auto min-w-0 shrink-[3] truncate rounded bg-violet-100 px-1 text-[10px] text-violet-900 tabular-nums dark:bg-violet-900/60 dark:text-violet-100"
      title="GenAI tokens in → out (and cost) of this span and the spans below it"
    >
      {model ? `${model} ` : ''}
      {formatValue(input, 'tokens')}→{formatValue(output, 'tokens')}
      {Number.isNaN(cost) ? '' : ` ${formatValue(cost, 'currency')}`}
    </span>
  );
}
