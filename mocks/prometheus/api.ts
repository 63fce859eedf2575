/**
 * The Prometheus HTTP API over the simulator, independent of how requests arrive: each method
 * takes parsed parameters and returns a status and a JSON body.
 */
import type { Simulator } from '@mocks/sim';
import type { LabelMatcher } from './promql/ast';
import { instantQuery, rangeQuery } from './promql/evaluator';
import { PromQLParseError } from './promql/errors';
import { isValidLabelName } from './promql/labels';
import { parse } from './promql/parser';
import { queryExemplars } from './exemplars';
import { ApiParams, BadDataError, checkTimeout, optionalTime, rangeParams } from './params';
import {
  errorResponse,
  formatInstant,
  formatRange,
  rfc3339,
  success,
  type ApiResponse,
} from './responses';
import {
  ALERTING_RULES,
  EVALUATION_INTERVAL_MS,
  RECORDING_RULES,
  alertJson,
  evaluateRule,
  type ActiveAlert,
} from './rules';
import { createSimStore, SCRAPE_INTERVAL_MS, type SimStore } from './sim-store';

export const BUILD_INFO = {
  version: '2.53.0-demo',
  revision: 'd3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0',
  branch: 'HEAD',
  buildUser: 'observatory@demo',
  buildDate: '20240619-07:39:12',
  goVersion: 'go1.22.4',
} as const;

export interface PrometheusApiOptions {
  readonly sim: Simulator;
  /** The clock: no samples exist after it, and alerts are evaluated at it. */
  readonly now: () => number;
}

export type PrometheusApi = ReturnType<typeof createPrometheusApi>;

function guarded(fn: (params: ApiParams) => ApiResponse) {
  return (params: ApiParams): ApiResponse => {
    try {
      return fn(params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Parses `match[]` values; each must be a plain series selector. */
function matchSelectors(params: ApiParams, required: boolean): LabelMatcher[][] | undefined {
  const values = params.getAll('match[]');
  if (values.length === 0) {
    if (required) throw new BadDataError('no match[] parameter provided');
    return undefined;
  }
  return values.map((text) => {
    let expr;
    try {
      expr = parse(text);
    } catch (error) {
      if (error instanceof PromQLParseError) {
        throw new BadDataError(`invalid parameter "match[]": ${error.message}`);
      }
      throw error;
    }
    if (expr.type !== 'vectorSelector') {
      throw new BadDataError(
        `invalid parameter "match[]": 1:1: parse error: expected a series selector`,
      );
    }
    return [...expr.matchers];
  });
}

export function createPrometheusApi({ sim, now }: PrometheusApiOptions) {
  const store = (nowMs = now()): SimStore => createSimStore(sim, { nowMs });
  const seriesFor = (params: ApiParams, required: boolean) => {
    // Validated as Prometheus does; every simulated series exists at all times, so no filtering.
    optionalTime(params, 'start', 0);
    optionalTime(params, 'end', 0);
    const selectors = matchSelectors(params, required);
    const s = store();
    return selectors ? s.matching(selectors) : sim.series();
  };

  const activeAlerts = (): { rule: (typeof ALERTING_RULES)[number]; alerts: ActiveAlert[] }[] => {
    const nowMs = now();
    const s = store(nowMs);
    return ALERTING_RULES.map((rule) => ({ rule, alerts: evaluateRule(rule, s, nowMs) }));
  };

  return {
    query: guarded((params) => {
      const timeMs = optionalTime(params, 'time', now());
      checkTimeout(params);
      const result = instantQuery(store(), params.get('query'), timeMs);
      return success(formatInstant(result));
    }),

    queryRange: guarded((params) => {
      const { startMs, endMs, stepMs } = rangeParams(params);
      const result = rangeQuery(store(), params.get('query'), startMs, endMs, stepMs);
      return success(formatRange(result));
    }),

    series: guarded((params) => success(seriesFor(params, true).map((s) => s.labels))),

    labels: guarded((params) => {
      const names = new Set<string>();
      for (const s of seriesFor(params, false)) Object.keys(s.labels).forEach((n) => names.add(n));
      return success([...names].sort());
    }),

    labelValues: (name: string) =>
      guarded((params) => {
        if (!isValidLabelName(name)) throw new BadDataError(`invalid label name: "${name}"`);
        const values = new Set<string>();
        for (const s of seriesFor(params, false)) {
          const value = s.labels[name];
          if (value !== undefined) values.add(value);
        }
        return success([...values].sort());
      }),

    exemplars: guarded((params) => {
      const nowMs = now();
      const endMs = Math.min(optionalTime(params, 'end', nowMs), nowMs);
      const startMs = optionalTime(params, 'start', endMs - 3_600_000);
      if (endMs < startMs) {
        throw new BadDataError('end timestamp must not be before start timestamp');
      }
      const expr = parse(params.get('query'));
      return success(queryExemplars(sim, store(nowMs), expr, startMs, endMs));
    }),

    alerts: guarded(() =>
      success({ alerts: activeAlerts().flatMap(({ alerts }) => alerts.map(alertJson)) }),
    ),

    rules: guarded((params) => {
      const type = params.get('type');
      if (type !== '' && type !== 'alert' && type !== 'record') {
        throw new BadDataError(`invalid parameter "type": not one of "alert" or "record"`);
      }
      const evaluatedAt = rfc3339(
        Math.floor(now() / EVALUATION_INTERVAL_MS) * EVALUATION_INTERVAL_MS,
      );
      const common = { health: 'ok', evaluationTime: 0.0021, lastEvaluation: evaluatedAt };
      const alerting = activeAlerts().map(({ rule, alerts }) => ({
        state: alerts.some((a) => a.state === 'firing')
          ? 'firing'
          : alerts.length > 0
            ? 'pending'
            : 'inactive',
        name: rule.name,
        query: rule.query,
        duration: rule.forMs / 1000,
        keepFiringFor: 0,
        labels: rule.labels,
        annotations: rule.annotations,
        alerts: alerts.map(alertJson),
        ...common,
        type: 'alerting',
      }));
      const recording = RECORDING_RULES.map((rule) => ({ ...rule, ...common, type: 'recording' }));
      const group = (name: string, file: string, rules: unknown[]) => ({
        name,
        file,
        rules,
        interval: EVALUATION_INTERVAL_MS / 1000,
        limit: 0,
        evaluationTime: 0.0034,
        lastEvaluation: evaluatedAt,
      });
      const groups = [];
      if (type !== 'record')
        groups.push(group('aet-alerts', '/etc/prometheus/rules/aet-alerts.yml', alerting));
      if (type !== 'alert')
        groups.push(group('aet-recording', '/etc/prometheus/rules/aet-recording.yml', recording));
      return success({ groups });
    }),

    buildInfo: guarded(() => success(BUILD_INFO)),

    metadata: guarded((params) => {
      const metric = params.get('metric');
      const limit = params.get('limit') === '' ? Infinity : Number(params.get('limit'));
      const entries = Object.entries(sim.metadata())
        .filter(([name]) => metric === '' || name === metric)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .slice(0, limit >= 0 ? limit : Infinity);
      return success(Object.fromEntries(entries.map(([name, meta]) => [name, [meta]])));
    }),

    targets: guarded(() => {
      const lastScrape = rfc3339(Math.floor(now() / SCRAPE_INTERVAL_MS) * SCRAPE_INTERVAL_MS);
      const activeTargets = sim
        .series()
        .filter((s) => s.labels.__name__ === 'up')
        .map(({ labels: { job = '', instance = '' } }) => ({
          discoveredLabels: {
            __address__: instance,
            __metrics_path__: '/metrics',
            __scheme__: 'http',
            job,
          },
          labels: { instance, job },
          scrapePool: job,
          scrapeUrl: `http://${instance}/metrics`,
          globalUrl: `http://${instance}/metrics`,
          lastError: '',
          lastScrape,
          lastScrapeDuration: 0.012,
          health: 'up',
          scrapeInterval: '15s',
          scrapeTimeout: '10s',
        }));
      return success({ activeTargets, droppedTargets: [] });
    }),
  };
}
