import { queryOptions } from '@tanstack/react-query';
import {
  computeStep,
  interpolateQuery,
  rateInterval,
  type PromClient,
  type PromRequestMeta,
  type TemplateVariables,
} from '@/datasources/prometheus';
import type { AbsoluteTimeRange } from '@/lib/time';
import { resolvePanel, type PanelDef, type PanelId } from '@/config/presets';
import { useConfig } from '@/config/ConfigContext';
import { useDataSources } from '@/query/DataSourcesContext';
import { useTimeRange, useVariables } from '@/state/urlState';
import { toFrameSeries, type FrameSeries } from './frames';

/**
 * How a Prometheus panel asks for its data: the preset's definition with config overrides, the
 * time range, URL variables and the panel's width make one PromQL request
 * (`promQueryOptions`), sent through the Prometheus client.
 */

/** What a panel got back, with what the Inspect drawer shows. */
export type PromFrame = {
  series: FrameSeries[];
  warnings: string[];
  expr: string;
  meta: PromRequestMeta;
  /** The decoded API `data`, for Inspect and JSON export. */
  raw: unknown;
};

export type PromQueryInput = {
  client: PromClient;
  template: string;
  kind: 'instant' | 'range';
  range: AbsoluteTimeRange;
  variables: TemplateVariables;
  /** Plot width in pixels; the step is about one point per pixel. */
  widthPx: number;
  scrapeIntervalSec: number;
  legend?: string;
};

/** Resolves a template against the range: the step and the PromQL exactly as it will be sent. */
export function planQuery({
  template,
  kind,
  range,
  variables,
  widthPx,
  scrapeIntervalSec,
}: PromQueryInput) {
  const stepSec = computeStep({ start: range.from, end: range.to, widthPx, scrapeIntervalSec });
  const rangeSec = Math.max(1, Math.round((range.to - range.from) / 1000));
  const expr = interpolateQuery(template, variables, {
    rateInterval: rateInterval(stepSec, scrapeIntervalSec),
    interval: stepSec,
    range: rangeSec,
  });
  // Aligning to the step keeps keys stable between refreshes and lets panels share requests.
  const stepMs = stepSec * 1000;
  const end = kind === 'range' ? Math.ceil(range.to / stepMs) * stepMs : range.to;
  const start = kind === 'range' ? Math.floor(range.from / stepMs) * stepMs : range.from;
  return { expr, stepSec, start, end };
}

export function promQueryOptions(input: PromQueryInput) {
  const plan = planQuery(input);
  const { client, kind, legend } = input;
  return queryOptions({
    queryKey: [
      'prometheus',
      client.name,
      kind,
      plan.expr,
      plan.start,
      plan.end,
      kind === 'range' ? plan.stepSec : 0,
    ],
    queryFn: async ({ signal }): Promise<PromFrame> => {
      if (kind === 'range') {
        const res = await client.queryRange(plan.expr, {
          start: plan.start,
          end: plan.end,
          step: plan.stepSec,
          signal,
        });
        const data = { resultType: 'matrix' as const, result: res.result };
        // Lets benchmarks split "fetch and decode" from "render".
        performance.mark('observatory:frame-decoded');
        return {
          series: toFrameSeries(data, legend),
          warnings: res.warnings,
          expr: plan.expr,
          meta: res.meta,
          raw: data,
        };
      }
      const res = await client.query(plan.expr, { time: plan.end, signal });
      const { warnings, infos: _infos, meta, ...data } = res;
      return { series: toFrameSeries(data, legend), warnings, expr: plan.expr, meta, raw: data };
    },
  });
}

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
