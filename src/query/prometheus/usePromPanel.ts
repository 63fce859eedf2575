import { useConfig } from '@/query/ConfigContext';
import { useDataSources } from '@/query/DataSourcesContext';
import type { TemplateVariables } from '@/datasources/prometheus';
import { useTimeRange, useVariables } from '@/state/urlState';
import { resolvePanel, type PanelDef, type PanelId } from '@/config/presets';
import { promQueryOptions } from './promQuery';

const SCRAPE_UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

export function parseScrapeInterval(value: string): number {
  const m = /^(\d+)(ms|s|m|h)$/.exec(value);
  return m ? Number(m[1]) * (SCRAPE_UNITS[m[2] ?? 's'] ?? 1) : 15;
}

/** Variables referenced by a template but not set in the URL match everything. */
export function withDefaultVariables(
  template: string,
  vars: Record<string, string[]>,
  extra: TemplateVariables = {},
): TemplateVariables {
  const out: TemplateVariables = {};
  for (const [, name] of template.matchAll(/\$\{?([a-zA-Z]\w*)\}?/g)) {
    if (!name) continue;
    const value = extra[name] ?? vars[name];
    out[name] = value === undefined || value.length === 0 ? '.*' : value;
  }
  return out;
}

export type PanelQueryOptions = {
  widthPx: number;
  extraVariables?: TemplateVariables;
  /** Evaluate at the end of the range whatever the panel's own kind. */
  instant?: boolean;
};

export type PromPanelState =
  | { kind: 'no-source' }
  | { kind: 'no-query'; def: PanelDef }
  | { kind: 'ready'; def: PanelDef; options: ReturnType<typeof promQueryOptions> };

/**
 * Everything a preset panel needs to query: its definition (with config overrides), the
 * client, the range, variables from the URL and the panel's width. Returns a resolver so a
 * view can prepare several panels' queries (a list of windows, say) in one hook call.
 */
export function usePromPanelResolver() {
  const config = useConfig();
  const { prometheus } = useDataSources();
  const { range } = useTimeRange();
  const { variables } = useVariables();
  return (id: PanelId, opts: PanelQueryOptions): PromPanelState => {
    const def = resolvePanel(config, id);
    if (!prometheus) return { kind: 'no-source' };
    if (!def.query) return { kind: 'no-query', def };
    const options = promQueryOptions({
      client: prometheus,
      template: def.query,
      // A table of current values needs one sample per series, not the whole range.
      kind: opts.instant ? 'instant' : def.kind,
      range,
      variables: withDefaultVariables(def.query, variables, opts.extraVariables),
      // Width buckets of 100 px: resizing a little does not refetch.
      widthPx: Math.max(100, Math.round(opts.widthPx / 100) * 100),
      scrapeIntervalSec: parseScrapeInterval(
        config.datasources.prometheus?.scrapeInterval ?? '15s',
      ),
      legend: def.legend,
    });
    return { kind: 'ready', def, options };
  };
}

export function usePromPanel(id: PanelId, opts: PanelQueryOptions): PromPanelState {
  return usePromPanelResolver()(id, opts);
}
