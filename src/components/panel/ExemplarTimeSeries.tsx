import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { TimeSeries } from '@/components/panel/TimeSeries';
import type { PromClient } from '@/datasources/prometheus';
import type { Unit } from '@/lib/format';
import { carrySessionParams } from '@/lib/sessionParams';
import { useTimeRange } from '@/state/urlState';
import { exemplarQueryOptions } from '@/query/prometheus/exemplars';
import type { FrameSeries } from '@/query/prometheus/frames';
import type { PromFrame } from '@/query/prometheus/panelQuery';

/**
 * A time series with the exemplars of its query marked on it, each opening its trace in the
 * trace view. The chart is drawn at once; the marks follow when Prometheus answers, and if
 * it cannot, a line under the chart says so.
 */
export function ExemplarTimeSeries({
  client,
  frame,
  series,
  unit,
  height,
}: {
  client: PromClient;
  frame: PromFrame;
  series: FrameSeries[];
  unit: Unit;
  height?: number;
}) {
  const { range, tz } = useTimeRange();
  const navigate = useNavigate();
  const { search } = useLocation();
  const exemplars = useQuery(exemplarQueryOptions(client, frame.expr, range));
  const link = useCallback(
    (traceId: string) => {
      const query = carrySessionParams(new URLSearchParams(search), { variables: false });
      const href = `/traces/${encodeURIComponent(traceId)}?${query}`;
      return { href, open: () => navigate(href) };
    },
    [navigate, search],
  );
  return (
    <>
      <TimeSeries
        series={series}
        unit={unit}
        tz={tz}
        range={range}
        height={height}
        exemplars={exemplars.data}
        exemplarLink={link}
      />
      {exemplars.error && (
        <p className="text-xs text-slate-600 dark:text-slate-300" role="status">
          Exemplars could not be loaded: {exemplars.error.message}
        </p>
      )}
    </>
  );
}
