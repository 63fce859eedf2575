/** How incidents change the platform's behaviour, shared by every metric family. */
import type { IncidentEffect } from '../counter';
import type { IncidentKind, IncidentSchedule } from '../incidents';
import type { LogNormal } from '../distribution';
import type { HistogramIncidentEffect } from '../histogram';
import type { TaskStatus } from '../catalog';

export const INCIDENT_KINDS: readonly IncidentKind[] = ['error-spike', 'slowdown'];

export type PerKind = Readonly<Record<IncidentKind, number>>;

/** Normal share of each task outcome and its extra rate (× normal) during each incident kind. */
export const TASK_OUTCOMES: Readonly<Record<TaskStatus, { share: number; excess: PerKind }>> = {
  success: { share: 0.965, excess: { 'error-spike': 0, slowdown: 0 } },
  error: { share: 0.025, excess: { 'error-spike': 12, slowdown: 1.5 } },
  timeout: { share: 0.01, excess: { 'error-spike': 1, slowdown: 12 } },
};

/** Extra tasks during an incident (failures come on top of the usual successes). */
export const TASK_EXCESS: PerKind = {
  'error-spike': totalExcess('error-spike'),
  slowdown: totalExcess('slowdown'),
};

function totalExcess(kind: IncidentKind): number {
  return Object.values(TASK_OUTCOMES).reduce((sum, o) => sum + o.share * o.excess[kind], 0);
}

/** Latency multiplier during each incident kind. */
export const LATENCY_FACTOR: PerKind = { 'error-spike': 1.4, slowdown: 3.5 };

export function counterEffects(agent: number, excess: PerKind): IncidentEffect[] {
  return INCIDENT_KINDS.filter((kind) => excess[kind] !== 0).map((kind) => ({
    agent,
    kind,
    excess: excess[kind],
  }));
}

/** Counter effects of incidents on any of several agents (e.g. every agent of one host). */
export function counterEffectsOfAgents(
  agents: readonly number[],
  excess: PerKind,
): IncidentEffect[] {
  return agents.flatMap((agent) => counterEffects(agent, excess));
}

/** Histogram effects: latency scaled by `factor` and volume raised by `excess`. */
export function latencyEffects(
  agent: number,
  distribution: LogNormal,
  excess: PerKind,
  factor: PerKind = LATENCY_FACTOR,
): HistogramIncidentEffect[] {
  return INCIDENT_KINDS.map((kind) => ({
    agent,
    kind,
    excess: excess[kind],
    distribution: { median: distribution.median * factor[kind], sigma: distribution.sigma },
  }));
}

/** Instantaneous incident pressure on a set of agents: Σ weight of the kinds in progress. */
export function incidentPressure(
  schedule: IncidentSchedule,
  agents: readonly number[],
  weight: PerKind,
  tSec: number,
): number {
  let pressure = 0;
  for (const agent of agents) {
    for (const kind of INCIDENT_KINDS) {
      if (schedule.isActive(agent, kind, tSec * 1000)) pressure += weight[kind];
    }
  }
  return pressure;
}
