/**
 * Alerting and recording rules of the demo platform. Alerts are not scripted: each rule's PromQL
 * is evaluated over the simulator, so they fire exactly when the simulated incidents make them.
 */
import { instantQuery, rangeQuery } from './promql/evaluator';
import { labelsKey, type Labels } from './promql/labels';
import type { SeriesStore } from './promql/store';
import { formatExponent, rfc3339 } from './responses';

export interface AlertingRule {
  readonly name: string;
  readonly query: string;
  readonly forMs: number;
  readonly labels: Readonly<Record<string, string>>;
  /** Go-template annotations as written in a rule file; rendered per alert. */
  readonly annotations: Readonly<Record<string, string>>;
}

export interface RecordingRule {
  readonly name: string;
  readonly query: string;
}

const RUNBOOK = 'https://runbooks.example.com/aet';

export const ALERTING_RULES: readonly AlertingRule[] = [
  {
    name: 'AgentHighErrorRate',
    query:
      'sum by (agent) (rate(aet_tasks_total{status="error"}[5m])) / sum by (agent) (rate(aet_tasks_total[5m])) > 0.1',
    forMs: 5 * 60_000,
    labels: { severity: 'critical' },
    annotations: {
      summary: 'High error rate on agent {{ $labels.agent }}',
      description:
        '{{ $value | humanizePercentage }} of {{ $labels.agent }} tasks failed over the last 5 minutes (threshold 10%).',
      runbook_url: `${RUNBOOK}/agent-high-error-rate`,
    },
  },
  {
    name: 'AgentTaskTimeouts',
    query:
      'sum by (agent) (rate(aet_tasks_total{status="timeout"}[5m])) / sum by (agent) (rate(aet_tasks_total[5m])) > 0.05',
    forMs: 5 * 60_000,
    labels: { severity: 'warning' },
    annotations: {
      summary: 'Tasks timing out on agent {{ $labels.agent }}',
      description:
        '{{ $value | humanizePercentage }} of {{ $labels.agent }} tasks timed out over the last 5 minutes (threshold 5%).',
      runbook_url: `${RUNBOOK}/agent-task-timeouts`,
    },
  },
  {
    name: 'DiskWillFillIn24h',
    query: 'predict_linear(node_filesystem_avail_bytes{mountpoint="/data"}[6h], 24 * 3600) < 0',
    forMs: 30 * 60_000,
    labels: { severity: 'warning' },
    annotations: {
      summary:
        'Disk {{ $labels.mountpoint }} on {{ $labels.instance }} will fill up within 24 hours',
      description:
        'At the rate of the last 6 hours, {{ $labels.mountpoint }} on {{ $labels.instance }} runs out of space within 24 hours (predicted free space then: {{ $value | humanize }}B).',
      runbook_url: `${RUNBOOK}/disk-will-fill`,
    },
  },
  {
    name: 'HostHighCpu',
    query: '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])) > 0.9',
    forMs: 10 * 60_000,
    labels: { severity: 'warning' },
    annotations: {
      summary: 'CPU saturated on {{ $labels.instance }}',
      description:
        '{{ $value | humanizePercentage }} of CPU time on {{ $labels.instance }} is busy.',
    },
  },
  {
    name: 'TargetDown',
    query: 'up == 0',
    forMs: 60_000,
    labels: { severity: 'critical' },
    annotations: {
      summary: 'Target {{ $labels.instance }} of job {{ $labels.job }} is down',
      description: 'Prometheus cannot scrape {{ $labels.instance }}.',
    },
  },
];

export const RECORDING_RULES: readonly RecordingRule[] = [
  { name: 'agent:aet_tasks:rate5m', query: 'sum by (agent, status) (rate(aet_tasks_total[5m]))' },
  {
    name: 'agent:aet_agent_response_seconds:p95_5m',
    query:
      'histogram_quantile(0.95, sum by (agent, le) (rate(aet_agent_response_seconds_bucket[5m])))',
  },
  {
    name: 'instance:node_cpu_utilisation:rate5m',
    query: '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))',
  },
];

/** Prometheus' `humanize`: SI prefixes with up to four significant digits. */
function humanize(value: number): string {
  const prefixes = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
  let v = Math.abs(value);
  let i = 0;
  while (v >= 1000 && i < prefixes.length - 1) {
    v /= 1000;
    i++;
  }
  return `${value < 0 ? '-' : ''}${Number(v.toPrecision(4))}${prefixes[i]}`;
}

/** Renders the template subset the rules use: `$labels.x`, `$value` and two humanizers. */
export function renderTemplate(template: string, labels: Labels, value: number): string {
  return template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (whole, body: string) => {
    const [subject = '', filter] = body.split('|').map((part) => part.trim());
    if (subject.startsWith('$labels.')) return labels[subject.slice('$labels.'.length)] ?? '';
    if (subject !== '$value') return whole;
    if (filter === 'humanizePercentage') return `${Number((value * 100).toPrecision(4))}%`;
    if (filter === 'humanize') return humanize(value);
    return String(value);
  });
}

export interface ActiveAlert {
  readonly labels: Labels;
  readonly annotations: Record<string, string>;
  readonly state: 'pending' | 'firing';
  readonly activeAtMs: number;
  readonly value: number;
}

/** How far back an alert's start is looked for, and the rule evaluation interval. */
const HISTORY_MS = 6 * 3_600_000;
export const EVALUATION_INTERVAL_MS = 60_000;

/**
 * Alerts of one rule at nowMs: every series the expression returns now, active since the start
 * of its unbroken run of evaluations (one a minute), firing once that run is `for` long.
 */
export function evaluateRule(rule: AlertingRule, store: SeriesStore, nowMs: number): ActiveAlert[] {
  const current = instantQuery(store, rule.query, nowMs);
  if (current.resultType !== 'vector' || current.result.length === 0) return [];
  const history = rangeQuery(store, rule.query, nowMs - HISTORY_MS, nowMs, EVALUATION_INTERVAL_MS);
  const since = new Map<string, number>();
  for (const series of history.result) {
    let start = nowMs;
    for (let i = series.values.length - 1; i >= 0; i--) {
      const [t] = series.values[i]!;
      if (t !== start && t !== start - EVALUATION_INTERVAL_MS) break;
      start = t;
    }
    since.set(labelsKey(series.metric), start);
  }
  return current.result.map(({ metric, value: [, value] }) => {
    const { __name__: _name, ...labels } = metric;
    const activeAtMs = since.get(labelsKey(metric)) ?? nowMs;
    return {
      labels: { alertname: rule.name, ...labels, ...rule.labels },
      annotations: Object.fromEntries(
        Object.entries(rule.annotations).map(([k, t]) => [k, renderTemplate(t, labels, value)]),
      ),
      state: nowMs - activeAtMs >= rule.forMs ? 'firing' : 'pending',
      activeAtMs,
      value,
    };
  });
}

export function alertJson(alert: ActiveAlert) {
  return {
    labels: alert.labels,
    annotations: alert.annotations,
    state: alert.state,
    activeAt: rfc3339(alert.activeAtMs),
    value: formatExponent(alert.value),
  };
}
