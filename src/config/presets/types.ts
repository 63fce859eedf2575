/** Where a stat changes colour: from `value` upwards. */
export type Threshold = { value: number; color: 'green' | 'amber' | 'red' | 'blue' };
import type { Unit } from '@/lib/format';

/**
 * One panel of a preset. The PromQL is a template: `$agent`-style variables come from the URL
 * (`var-agent`), and `$__rate_interval`, `$__interval`, `$__range`, `$__range_s` from the panel's
 * time range and width.
 */
export type PanelDef = {
  title: string;
  description?: string;
  /** Null when the preset's metrics cannot answer this panel; config can supply a query. */
  query: string | null;
  /** `instant` evaluates at the end of the range; `range` draws a series over it. */
  kind: 'instant' | 'range';
  unit: Unit;
  viz: 'stat' | 'timeseries' | 'table' | 'bars';
  /** Series name template, e.g. `{{agent}} {{operation}}`; defaults to the label set. */
  legend?: string;
  thresholds?: Threshold[];
  /** Mark the exemplars of the query's series (e.g. a latency histogram's), linking to traces. */
  exemplars?: boolean;
};

/** Panels every preset defines; views ask for them by id. */
export const PANEL_IDS = [
  'health.success-rate',
  'health.throughput',
  'health.p95-latency',
  'health.active-tasks',
  'health.running-executions',
  'health.failed-executions',
  'health.failures-24h',
  'health.saturation',
  'health.error-ratio',
  'health.throughput-over-time',
  'health.success-rate-over-time',
  'agents.request-rate',
  'agents.success-ratio',
  'agents.latency-quantile',
  'agents.tokens-by-agent-model',
  'agents.operation-rate',
  'agents.operation-p95',
  'agents.tokens-over-time',
  'agents.tool-calls',
  'errors.rate-by-agent',
  'errors.rate-by-type',
  'errors.total-rate',
  'errors.type-distribution',
  'errors.top',
  'resources.cpu',
  'resources.memory',
  'resources.disk',
  'resources.network-receive',
  'resources.network-transmit',
  'resources.disk-hours-to-full',
  'resources.memory-hours-to-exhaustion',
  'resources.load',
  'resources.app-cpu',
  'resources.app-memory',
] as const;

export type PanelId = (typeof PANEL_IDS)[number];

export type Preset = {
  name: string;
  description: string;
  panels: Record<PanelId, PanelDef>;
};
