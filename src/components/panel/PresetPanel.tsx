import { useRef, useState, type ReactNode } from 'react';
import { DataTable } from '@/components/panel/DataTable';
import { InspectDialog } from '@/components/panel/InspectDialog';
import { Panel } from '@/components/panel/Panel';
import { PanelMenu } from '@/components/panel/PanelMenu';
import { Stat } from '@/components/panel/Stat';
import { TimeSeries } from '@/components/panel/TimeSeries';
import { useElementWidth } from '@/components/panel/useElementWidth';
import { useConfig } from '@/config/ConfigContext';
import { useDataSources } from '@/query/DataSourcesContext';
import type { TemplateVariables } from '@/datasources/prometheus';
import { downloadText, fileSlug } from '@/lib/download';
import { formatValue } from '@/lib/format';
import { useTimeRange } from '@/state/urlState';
import { BarList } from '@/components/panel/BarList';
import { framesToCsv } from '@/query/prometheus/frameExport';
import { lastValue } from '@/query/prometheus/frames';
import type { PanelId } from '@/config/presets';
import type { PromFrame } from '@/query/prometheus/panelQuery';
import { ExemplarTimeSeries } from './ExemplarTimeSeries';
import { usePromPanel } from '@/query/prometheus/panelQuery';

/** Panels draw at most this many series; the header says when more came back. */
export const MAX_SERIES = 100;

/**
 * The series a panel draws, the same array for the same frame: the chart memoises its
 * downsampling on it, and a fresh slice on every render redid a million-point LTTB each time.
 */
const capped = new WeakMap<PromFrame, PromFrame['series']>();
function cappedSeries(frame: PromFrame): PromFrame['series'] {
  let shown = capped.get(frame);
  if (!shown) {
    shown = frame.series.length > MAX_SERIES ? frame.series.slice(0, MAX_SERIES) : frame.series;
    capped.set(frame, shown);
  }
  return shown;
}

type Props = {
  id: PanelId;
  title?: string;
  extraVariables?: TemplateVariables;
  className?: string;
  height?: number;
  /** Custom body; defaults to the preset's visualization. */
  render?: (frame: PromFrame) => ReactNode;
};

export function PresetPanel({ id, title, extraVariables, className, height, render }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(containerRef, 600);
  const state = usePromPanel(id, { widthPx: width, extraVariables });
  const config = useConfig();
  const { prometheus } = useDataSources();
  const { range, tz } = useTimeRange();
  const [inspecting, setInspecting] = useState<PromFrame | null>(null);

  if (state.kind !== 'ready') {
    const name = title ?? (state.kind === 'no-query' ? state.def.title : id);
    return (
      <div ref={containerRef} className={`panel p-3 ${className ?? ''}`} data-panel={name}>
        <h2 className="text-sm font-semibold">{name}</h2>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          {state.kind === 'no-source'
            ? 'No Prometheus source is configured. Set datasources.prometheus.url in config.json, or open the demo with ?demo=1.'
            : `The "${config.preset}" preset has no metric for this panel. Set panels["${id}"].query in config.json to supply one.`}
        </p>
      </div>
    );
  }

  const { def, options } = state;
  const panelTitle = title ?? def.title;

  const body = (frame: PromFrame): ReactNode => {
    if (render) return render(frame);
    const shown = cappedSeries(frame);
    switch (def.viz) {
      case 'stat':
        return (
          <Stat
            value={lastValue(frame.series)}
            unit={def.unit}
            thresholds={def.thresholds}
            hint={def.description}
          />
        );
      case 'timeseries':
        return def.exemplars && prometheus ? (
          <ExemplarTimeSeries
            client={prometheus}
            frame={frame}
            series={shown}
            unit={def.unit}
            height={height}
          />
        ) : (
          <TimeSeries series={shown} unit={def.unit} tz={tz} range={range} height={height} />
        );
      case 'bars':
        return (
          <BarList
            items={shown.map((s) => ({ label: s.name, value: lastValue([s]) ?? 0 }))}
            unit={def.unit}
          />
        );
      case 'table':
        return (
          <DataTable
            caption={panelTitle}
            rows={shown}
            rowKey={(s) => s.id}
            initialSort={{ key: 'value', dir: 'desc' }}
            columns={[
              { key: 'series', header: 'Series', render: (s) => s.name, sortValue: (s) => s.name },
              {
                key: 'value',
                header: 'Value',
                align: 'right',
                render: (s) => formatValue(lastValue([s]), def.unit),
                sortValue: (s) => lastValue([s]),
              },
            ]}
          />
        );
    }
  };

  return (
    <div ref={containerRef} className={`flex min-w-0 ${className ?? ''}`}>
      <Panel
        className="w-full"
        title={panelTitle}
        description={def.description}
        minHeight={def.viz === 'stat' ? 64 : 120}
        query={options}
        isEmpty={(f) => f.series.length === 0 || f.series.every((s) => s.points.length === 0)}
        seriesCount={(f) => ({
          shown: Math.min(f.series.length, MAX_SERIES),
          total: f.series.length,
        })}
        actions={(frame) =>
          frame && (
            <PanelMenu
              title={panelTitle}
              items={[
                { label: 'Inspect', onSelect: () => setInspecting(frame) },
                {
                  label: 'Export CSV',
                  onSelect: () =>
                    downloadText(
                      `${fileSlug(panelTitle)}.csv`,
                      framesToCsv(frame.series),
                      'text/csv',
                    ),
                },
                {
                  label: 'Export JSON',
                  onSelect: () =>
                    downloadText(
                      `${fileSlug(panelTitle)}.json`,
                      JSON.stringify(frame.raw, null, 2),
                      'application/json',
                    ),
                },
              ]}
            />
          )
        }
      >
        {(frame) => (
          <>
            {frame.warnings.length > 0 && (
              <p
                className="mb-1 text-xs text-amber-800 dark:text-amber-300"
                title={frame.warnings.join('\n')}
              >
                Warning from Prometheus: {frame.warnings[0]}
              </p>
            )}
            {body(frame)}
          </>
        )}
      </Panel>
      {inspecting && (
        <InspectDialog
          onClose={() => setInspecting(null)}
          data={{
            title: panelTitle,
            request: [
              ['Query', inspecting.expr],
              ['URL', inspecting.meta.url],
              ['Method', inspecting.meta.method],
              ['Body', inspecting.meta.requestBody ?? '(none)'],
            ],
            stats: [
              ['HTTP status', String(inspecting.meta.status)],
              ['Duration', `${Math.round(inspecting.meta.durationMs)} ms`],
              ['Response size', `${inspecting.meta.responseSize} characters`],
              ['Series', String(inspecting.series.length)],
              ['Samples', String(inspecting.series.reduce((n, s) => n + s.points.length, 0))],
            ],
            response: inspecting.raw,
            warnings: inspecting.warnings,
          }}
        />
      )}
    </div>
  );
}
