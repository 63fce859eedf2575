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
import { toFrameSeries, type FrameSeries } from './frames';

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
