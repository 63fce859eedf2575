import { useRef } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { TimeRangePicker } from '@/components/controls/TimeRangePicker';
import { useConfig } from '@/config/ConfigContext';
import { PresetPanel } from '@/components/panel/PresetPanel';
import { PANEL_IDS, resolvePanel, type PanelId } from '@/config/presets';
import { useTheme } from '@/state/theme';
import { useTimeRange, useVariables } from '@/state/urlState';
import { isPanelId, panelTitle, standaloneVariables } from './panels';
import { useAutoRefresh } from './useAutoRefresh';
import { useElementHeight } from './useElementHeight';

/** Panel header, padding and legend around a chart; the chart takes the rest of the frame. */
const PANEL_CHROME_PX = 96;
const MIN_CHART_PX = 120;

/**
 * `/embed/panel/<panelId>`: one preset panel filling the frame, without navigation. The time
 * controls show only with `controls=1`.
 */
export default function EmbedPanelPage() {
  const { panelId } = useParams();
  const [params] = useSearchParams();
  useTheme(); // applies the theme class; there is no shell here to do it
  useAutoRefresh();
  const showControls = params.get('controls') === '1';

  return (
    <div className="flex h-dvh flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      {showControls && <EmbedTimeControls />}
      {isPanelId(panelId) ? <StandalonePanel id={panelId} /> : <UnknownPanel id={panelId ?? ''} />}
    </div>
  );
}

function StandalonePanel({ id }: { id: PanelId }) {
  const config = useConfig();
  const { variables } = useVariables();
  const mainRef = useRef<HTMLElement>(null);
  const height = useElementHeight(mainRef, 400);
  const def = resolvePanel(config, id);
  const extra = standaloneVariables(def.query, variables);
  return (
    <main ref={mainRef} className="flex min-h-0 flex-1 overflow-auto p-2">
      <PresetPanel
        id={id}
        title={panelTitle(def.title, { ...variables, ...extra })}
        extraVariables={Object.keys(extra).length > 0 ? extra : undefined}
        className="h-full w-full"
        height={Math.max(MIN_CHART_PX, height - PANEL_CHROME_PX)}
      />
    </main>
  );
}

function EmbedTimeControls() {
  const time = useTimeRange();
  return (
    <header className="flex justify-end border-b border-slate-200 bg-white px-2 py-1 dark:border-slate-800 dark:bg-slate-900">
      <TimeRangePicker
        raw={time.raw}
        range={time.range}
        tz={time.tz}
        onChange={time.setRaw}
        onShift={time.shift}
        onZoomOut={time.zoomOut}
      />
    </header>
  );
}

function UnknownPanel({ id }: { id: string }) {
  return (
    <main className="overflow-auto p-4">
      <div role="alert">
        <h1 className="text-lg font-semibold">Unknown panel “{id}”</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Embed one of these panels with <code>/embed/panel/&lt;id&gt;</code>:
        </p>
      </div>
      <ul className="mt-2 columns-1 text-sm sm:columns-2 lg:columns-3" aria-label="Valid panel ids">
        {PANEL_IDS.map((valid) => (
          <li key={valid}>
            <code>{valid}</code>
          </li>
        ))}
      </ul>
    </main>
  );
}
