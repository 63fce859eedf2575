import { useMemo, useRef } from 'react';
import {
  CartesianGrid,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
  type ScatterPointItem,
} from 'recharts';
import { useElementWidth } from '@/components/panel/useElementWidth';
import { formatDuration } from '@/lib/format';
import { formatTimestamp, type TimeZoneMode } from '@/lib/time';
import type { ResultRow } from './ResultsTable';

interface Point {
  readonly id: string;
  readonly t: number;
  readonly durationMs: number;
  readonly spans: number;
  readonly name: string;
}

const HEIGHT = 180;
const OK_COLOR = '#0ea5e9';
const ERROR_COLOR = '#dc2626';

function toPoint({ id, summary }: ResultRow): Point {
  return {
    id,
    t: summary.startUs / 1000,
    durationMs: summary.durationUs / 1000,
    spans: summary.spanCount ?? 1,
    name: `${summary.rootService ?? '?'}: ${summary.rootOperation ?? '?'}`,
  };
}

/**
 * Trace duration over start time, one dot per result (bigger for more spans, red when the
 * trace has errors). Clicking a dot opens its trace; the table below is the keyboard path.
 */
export function DurationScatter({
  rows,
  tz,
  onOpen,
}: {
  rows: readonly ResultRow[];
  tz: TimeZoneMode;
  onOpen: (id: string) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const { ok, failed } = useMemo(() => {
    const okPoints: Point[] = [];
    const failedPoints: Point[] = [];
    for (const row of rows)
      ((row.summary.errorCount ?? 0) > 0 ? failedPoints : okPoints).push(toPoint(row));
    return { ok: okPoints, failed: failedPoints };
  }, [rows]);
  const open = (item: ScatterPointItem) => {
    const point = item.payload as Point | undefined;
    if (point) onOpen(point.id);
  };

  return (
    <figure className="m-0">
      <figcaption className="sr-only">
        Duration of each trace over its start time; {failed.length} of {rows.length} with errors.
      </figcaption>
      <div ref={ref} style={{ height: HEIGHT }} className="w-full" data-testid="duration-scatter">
        {width > 0 && (
          <ScatterChart
            width={width}
            height={HEIGHT}
            margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
          >
            <CartesianGrid
              strokeDasharray="3 3"
              className="stroke-slate-200 dark:stroke-slate-700"
            />
            <XAxis
              dataKey="t"
              type="number"
              name="Start"
              domain={['dataMin', 'dataMax']}
              tickFormatter={(t: number) => formatTimestamp(t, tz, { withDate: false })}
              tick={{ fontSize: 11 }}
              minTickGap={24}
            />
            <YAxis
              dataKey="durationMs"
              type="number"
              name="Duration"
              width={64}
              tickFormatter={(ms: number) => formatDuration(ms)}
              tick={{ fontSize: 11 }}
            />
            <ZAxis dataKey="spans" type="number" range={[30, 260]} name="Spans" />
            <Tooltip
              isAnimationActive={false}
              cursor={{ strokeDasharray: '3 3' }}
              content={({ active, payload }) => {
                const point = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
                if (!point) return null;
                return (
                  <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow dark:border-slate-700 dark:bg-slate-900">
                    <div className="font-medium">{point.name}</div>
                    <div>{formatTimestamp(point.t, tz)}</div>
                    <div>
                      {formatDuration(point.durationMs)} · {point.spans} spans
                    </div>
                  </div>
                );
              }}
            />
            <Scatter
              name="Traces"
              data={ok}
              fill={OK_COLOR}
              fillOpacity={0.7}
              isAnimationActive={false}
              cursor="pointer"
              onClick={open}
            />
            <Scatter
              name="Traces with errors"
              data={failed}
              fill={ERROR_COLOR}
              fillOpacity={0.8}
              isAnimationActive={false}
              cursor="pointer"
              onClick={open}
            />
          </ScatterChart>
        )}
      </div>
      <ul className="flex gap-3 text-xs text-slate-600 dark:text-slate-300" aria-label="Legend">
        <li className="flex items-center gap-1">
          <span className="inline-block h-2 w-2 rounded-full" style={{ background: OK_COLOR }} />{' '}
          Traces
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block h-2 w-2 rounded-full" style={{ background: ERROR_COLOR }} />{' '}
          With errors
        </li>
      </ul>
    </figure>
  );
}
