import { useConfig } from '@/config/ConfigContext';
import { useDataSources } from '@/config/DataSourcesContext';
import { resolvePanel, type PanelId } from '@/metrics/presets';
import { promQueryOptions } from '@/metrics/promQuery';
import {
  parseScrapeInterval,
  withDefaultVariables,
  type PromPanelState,
} from '@/metrics/usePromPanel';
import { useTimeRange, useVariables } from '@/state/urlState';

/** Panel width the instant queries plan their `$__rate_interval` for; no chart is drawn. */
const PLANNING_WIDTH_PX = 600;

/**
 * Like `usePromPanelResolver`, but evaluates a panel at the end of the range whatever its own
 * kind: a table of current values needs one sample per series, not the whole range.
 */
export function useInstantPanelResolver() {
  const config = useConfig();
  const { prometheus } = useDataSources();
  const { range } = useTimeRange();
  const { variables } = useVariables();
  return (id: PanelId): PromPanelState => {
    const def = resolvePanel(config, id);
    if (!prometheus) return { kind: 'no-source' };
    if (!def.query) return { kind: 'no-query', def };
    const options = promQueryOptions({
      client: prometheus,
      template: def.query,
      kind: 'instant',
      range,
      variables: withDefaultVariables(def.query, variables),
      widthPx: PLANNING_WIDTH_PX,
      scrapeIntervalSec: parseScrapeInterval(
        config.datasources.prometheus?.scrapeInterval ?? '15s',
      ),
      legend: def.legend,
    });
    return { kind: 'ready', def, options };
  };
}
