import type { FrameSeries } from '@/query/prometheus/frames';

export type ToolCallRow = {
  key: string;
  agent: string;
  tool: string;
  status: string;
  failed: boolean;
  count: number | null;
};

const SUCCESS_STATUSES = new Set(['success', 'ok', 'OK']);

/**
 * Table rows from the `agents.tool-calls` result. The platform's metric says `tool` and
 * `status`; the GenAI conventions say `gen_ai_tool_name` and set `error_type` only on failure.
 */
export function toolCallRows(series: readonly FrameSeries[]): ToolCallRow[] {
  return series.map((s) => {
    const { labels } = s;
    const status = labels.status ?? (labels.error_type ? labels.error_type : 'success');
    const value = s.points[s.points.length - 1]?.[1];
    return {
      key: s.id,
      agent: labels.agent ?? '',
      tool: labels.tool ?? labels.gen_ai_tool_name ?? '',
      status,
      failed: !SUCCESS_STATUSES.has(status),
      count: value === undefined || Number.isNaN(value) ? null : value,
    };
  });
}
