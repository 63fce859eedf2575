import type { ChartExemplar } from '@/query/prometheus/exemplars';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { formatValue, type Unit } from '@/lib/format';
import { formatTimestamp, type TimeZoneMode } from '@/lib/time';

export type { ChartExemplar };

export type ExemplarLink = {
  href: string;
  /** Called on a plain click (navigate inside the app); modified clicks follow `href`. */
  open: () => void;
};

const SIZE = 4;

/**
 * Exemplars drawn as small diamonds over a chart, each a link to its trace. One layer for all
 * of them, placed with the chart's own scales (one recharts element per mark would make every
 * mark register with the chart, which costs a render per mark).
 */
export function ExemplarLayer({
  exemplars,
  link,
  unit,
  tz,
}: {
  exemplars: readonly ChartExemplar[];
  link: (traceId: string) => ExemplarLink;
  unit: Unit;
  tz: TimeZoneMode;
}) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const area = usePlotArea();
  if (!x || !y || !area) return null;
  return (
    <g data-testid="exemplars" className="fill-violet-600 stroke-white dark:fill-violet-400">
      {exemplars.map((mark, i) => {
        const cx = x(mark.t);
        const cy = y(mark.value);
        if (cx === undefined || cy === undefined) return null;
        // Marks outside the plot (a value above the axis) are left out, not drawn on the axes.
        if (cx < area.x || cx > area.x + area.width || cy < area.y || cy > area.y + area.height)
          return null;
        const when = formatTimestamp(mark.t, tz, { withDate: true, withSeconds: true });
        const labels = Object.entries(mark.labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ');
        const text = `Exemplar ${formatValue(mark.value, unit)} at ${when}${labels ? ` (${labels})` : ''}`;
        const shape = (
          <path
            d={`M${cx},${cy - SIZE}L${cx + SIZE},${cy}L${cx},${cy + SIZE}L${cx - SIZE},${cy}Z`}
            strokeWidth={1}
            data-exemplar=""
          >
            <title>{mark.traceId ? `${text}: open the trace` : text}</title>
          </path>
        );
        if (!mark.traceId) return <g key={`${mark.t}-${i}`}>{shape}</g>;
        const { href, open } = link(mark.traceId);
        return (
          <a
            key={`${mark.t}-${i}`}
            href={href}
            aria-label={`${text}: open trace ${mark.traceId}`}
            className="cursor-pointer"
            onClick={(event) => {
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
              event.preventDefault();
              open();
            }}
          >
            {shape}
          </a>
        );
      })}
    </g>
  );
}
