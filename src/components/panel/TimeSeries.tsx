import { Fragment, memo, useMemo, useRef, useState } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatValue, type Unit } from '@/lib/format';
import { formatTimestamp, timeTicks, type TimeZoneMode } from '@/lib/time';
import { ExemplarLayer, type ChartExemplar, type ExemplarLink } from './ExemplarLayer';
import { seriesColor } from './palette';
import { buildChartRows, toggleSeries, type Series } from './timeSeriesData';
import { useElementWidth } from './useElementWidth';

export type TimeSeriesProps = {
  series: Series[];
  unit: Unit;
  tz: TimeZoneMode;
  range: { from: number; to: number };
  height?: number;
  /** Vertical markers (e.g. detected spikes) drawn over the chart; `end` also shades t..end. */
  markers?: Array<{ t: number; label: string; end?: number }>;
  /** Exemplars to mark, each linking to its trace through `exemplarLink`. */
  exemplars?: readonly ChartExemplar[];
  exemplarLink?: (traceId: string) => ExemplarLink;
};

const Y_AXIS_WIDTH = 64;
const NO_GRID_LINES = (): number[] => [];

/** Where recharts anchors a tick label vertically, as an offset from its y. */
const TICK_DY = { start: '0.71em', middle: '0.32em', end: '0' } as const;

interface TickProps {
  x?: number | string;
  y?: number | string;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  verticalAnchor?: keyof typeof TICK_DY;
  fill?: string;
  className?: string;
  payload?: { value?: unknown };
}

/**
 * Axis labels as plain SVG text. Recharts' own label component measures each label's words
 * in the DOM (a forced layout apiece) to wrap them, and axis labels never wrap.
 */
function plainTick(format: (value: number) => string) {
  return function renderTick({
    x,
    y,
    textAnchor,
    verticalAnchor = 'middle',
    fill,
    className,
    payload,
  }: TickProps) {
    return (
      <text
        x={x}
        y={y}
        dy={TICK_DY[verticalAnchor]}
        textAnchor={textAnchor}
        fill={fill}
        fontSize={11}
        className={className}
      >
        {format(Number(payload?.value))}
      </text>
    );
  };
}

/** Memoised: a panel re-renders on every fetch state change, the chart only when its data does. */
export const TimeSeries = memo(function TimeSeries({
  series,
  unit,
  tz,
  range,
  height = 220,
  markers = [],
  exemplars,
  exemplarLink,
}: TimeSeriesProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(containerRef);
  const [hidden, setHidden] = useState<Set<string>>(() => new Set());
  const plotWidth = Math.max(0, width - Y_AXIS_WIDTH);
  // Nothing is drawn before the width is known: downsampling a million points for a chart of
  // no width would only be thrown away.
  const rows = useMemo(
    () => (plotWidth > 0 ? buildChartRows(series, hidden, plotWidth, range) : []),
    [series, hidden, plotWidth, range],
  );
  const ids = useMemo(() => series.map((s) => s.id), [series]);
  const xTicks = useMemo(
    () => timeTicks(range.from, range.to, plotWidth, tz),
    [range.from, range.to, plotWidth, tz],
  );
  const showExemplars = exemplars !== undefined && exemplars.length > 0 && exemplarLink;
  // The value axis reaches the slowest exemplar too, or its mark would fall off the chart.
  const yDomain = useMemo(() => {
    if (!showExemplars) return undefined;
    let top = 0;
    for (const e of exemplars) if (e.value > top) top = e.value;
    return [0, (dataMax: number) => Math.max(dataMax, top)] as [number, (max: number) => number];
  }, [showExemplars, exemplars]);
  const spanMs = range.to - range.from;
  const withDate = spanMs > 36 * 3_600_000;

  return (
    <div className="flex flex-col gap-2">
      <div ref={containerRef} style={{ height }} className="w-full" data-testid="timeseries">
        {width > 0 && (
          <LineChart
            width={width}
            height={height}
            data={rows}
            margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
          >
            {/* Horizontal lines only: for vertical ones recharts measures every time label. */}
            <CartesianGrid
              vertical={false}
              verticalCoordinatesGenerator={NO_GRID_LINES}
              strokeDasharray="3 3"
              className="stroke-slate-200 dark:stroke-slate-700"
            />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[range.from, range.to]}
              allowDataOverflow
              tick={plainTick((t) => {
                const text = formatTimestamp(t, tz, { withDate, withSeconds: false });
                return withDate ? text.slice(5) : text;
              })}
              // Round times ~100 px apart, all drawn: letting recharts thin out its own (one per
              // row) makes it measure every label in the DOM, a forced layout apiece.
              ticks={xTicks}
              interval={0}
            />
            <YAxis
              width={Y_AXIS_WIDTH}
              domain={yDomain}
              tick={plainTick((v) => formatValue(v, unit))}
              interval={0}
            />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(t) =>
                formatTimestamp(Number(t), tz, { withSeconds: true, withDate: true })
              }
              formatter={(v) => formatValue(Number(v), unit)}
              contentStyle={{ fontSize: 12 }}
            />
            {series.map((s, index) =>
              hidden.has(s.id) ? null : (
                <Line
                  key={s.id}
                  dataKey={`s${index}`}
                  name={s.name}
                  stroke={seriesColor(index)}
                  dot={false}
                  strokeWidth={1.5}
                  isAnimationActive={false}
                  connectNulls
                />
              ),
            )}
            {markers.map((m) => (
              <Fragment key={`${m.t}-${m.label}`}>
                {m.end !== undefined && m.end > m.t && (
                  <ReferenceArea
                    x1={m.t}
                    x2={m.end}
                    ifOverflow="hidden"
                    fill="#dc2626"
                    fillOpacity={0.08}
                  />
                )}
                <ReferenceLine
                  x={m.t}
                  ifOverflow="discard"
                  stroke="#dc2626"
                  strokeDasharray="4 2"
                  label={{
                    value: m.label,
                    position: 'insideTopLeft',
                    fontSize: 10,
                    fill: '#dc2626',
                  }}
                />
              </Fragment>
            ))}
            {showExemplars && (
              <ExemplarLayer exemplars={exemplars} link={exemplarLink} unit={unit} tz={tz} />
            )}
          </LineChart>
        )}
      </div>
      {series.length > 1 && (
        <ul
          className="flex max-h-20 flex-wrap gap-x-3 gap-y-1 overflow-auto text-xs"
          aria-label="Legend"
        >
          {series.map((s, index) => (
            <li key={s.id}>
              <button
                type="button"
                aria-pressed={!hidden.has(s.id)}
                className={`flex items-center gap-1 ${hidden.has(s.id) ? 'opacity-40' : ''}`}
                title="Click to hide or show; Ctrl/⌘-click to show only this series"
                onClick={(e) =>
                  setHidden((h) => toggleSeries(h, ids, s.id, e.ctrlKey || e.metaKey))
                }
              >
                <span
                  className="inline-block h-2 w-3 rounded-sm"
                  style={{ background: seriesColor(index) }}
                />
                <span className="max-w-64 truncate">{s.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
