/**
 * Incident schedule. Time is cut into 3-hour cycles with exactly one incident each, 20–40 min on
 * one agent, either an error spike or a slowdown. Two incidents are placed around the anchor
 * (the moment the demo starts) so that a freshly opened dashboard always has something to show:
 *   - a recovered error spike from anchor − 55 min to anchor − 27 min, and
 *   - a slowdown on another agent in progress from anchor − 12 min to anchor + 16 min, which
 *     makes alerts fire at load and resolve while the user watches.
 * The layout repeats every week (56 cycles), so the cumulative exposure to incidents (which
 * counters integrate) is a closed-form sum instead of a replay of history.
 */
import { memoizeByTime } from './memo';
import { hash2, pickIndex, unitHash } from './random';

export type IncidentKind = 'error-spike' | 'slowdown';

export interface Incident {
  readonly id: string;
  readonly agent: string;
  readonly kind: IncidentKind;
  readonly startMs: number;
  readonly endMs: number;
}

const MINUTE_MS = 60_000;
export const INCIDENT_CYCLE_MS = 3 * 3_600_000;
export const CYCLES_PER_WEEK = 56;
/** Cycle 0 starts this long before the anchor. */
const ORIGIN_LEAD_MS = 25 * MINUTE_MS;
/** Offsets from the anchor of the two incidents placed around it. */
export const RECOVERED_INCIDENT = { startMs: -55 * MINUTE_MS, endMs: -27 * MINUTE_MS } as const;
export const ONGOING_INCIDENT = { startMs: -12 * MINUTE_MS, endMs: 16 * MINUTE_MS } as const;
const MIN_DURATION_MS = 20 * MINUTE_MS;
const MAX_DURATION_MS = 40 * MINUTE_MS;
const MIN_OFFSET_MS = 20 * MINUTE_MS;
const MAX_OFFSET_MS = INCIDENT_CYCLE_MS - 60 * MINUTE_MS;
const WEEK_SEC = (CYCLES_PER_WEEK * INCIDENT_CYCLE_MS) / 1000;

interface Layout {
  readonly offsetMs: number;
  readonly durationMs: number;
  readonly agent: number;
  readonly kind: IncidentKind;
}

function layoutFor(seed: number, slot: number, agentCount: number): Layout {
  const key = hash2(seed, 0x1c1de);
  const recoveredAgent = pickIndex(key, -1, agentCount);
  if (slot === CYCLES_PER_WEEK - 1) {
    return {
      offsetMs: INCIDENT_CYCLE_MS + ORIGIN_LEAD_MS + RECOVERED_INCIDENT.startMs,
      durationMs: RECOVERED_INCIDENT.endMs - RECOVERED_INCIDENT.startMs,
      agent: recoveredAgent,
      kind: 'error-spike',
    };
  }
  if (slot === 0) {
    return {
      offsetMs: ORIGIN_LEAD_MS + ONGOING_INCIDENT.startMs,
      durationMs: ONGOING_INCIDENT.endMs - ONGOING_INCIDENT.startMs,
      agent: (recoveredAgent + 1 + pickIndex(key, -2, agentCount - 1)) % agentCount,
      kind: 'slowdown',
    };
  }
  const offset = MIN_OFFSET_MS + unitHash(key, slot * 4) * (MAX_OFFSET_MS - MIN_OFFSET_MS);
  const duration =
    MIN_DURATION_MS + unitHash(key, slot * 4 + 1) * (MAX_DURATION_MS - MIN_DURATION_MS);
  return {
    offsetMs: Math.round(offset / MINUTE_MS) * MINUTE_MS,
    durationMs: Math.round(duration / MINUTE_MS) * MINUTE_MS,
    agent: pickIndex(key, slot * 4 + 2, agentCount),
    kind: unitHash(key, slot * 4 + 3) < 0.6 ? 'error-spike' : 'slowdown',
  };
}

export interface IncidentScheduleOptions {
  readonly seed: number;
  /** Two incidents are placed around this instant (see above). */
  readonly anchorMs: number;
  readonly agents: readonly string[];
  /** Antiderivative of each agent's load shape, in seconds. */
  readonly shapeIntegral: (agent: number, tSec: number) => number;
}

export interface IncidentSchedule {
  /** Incidents overlapping [fromMs, toMs], oldest first. */
  between(fromMs: number, toMs: number): Incident[];
  /** Incidents in progress at tMs. */
  activeAt(tMs: number): Incident[];
  /** Whether the agent (by index) has an incident of this kind in progress at tMs. */
  isActive(agent: number, kind: IncidentKind, tMs: number): boolean;
  /** ∫ load shape over the agent's incidents of this kind up to tSec (closed form). */
  exposure(agent: number, kind: IncidentKind, tSec: number): number;
}

const KINDS: readonly IncidentKind[] = ['error-spike', 'slowdown'];

export function createIncidentSchedule(options: IncidentScheduleOptions): IncidentSchedule {
  const { seed, agents, shapeIntegral } = options;
  const originMs = options.anchorMs - ORIGIN_LEAD_MS;
  const layouts = Array.from({ length: CYCLES_PER_WEEK }, (_, slot) =>
    layoutFor(seed, slot, agents.length),
  );

  const cycleOf = (tMs: number) => Math.floor((tMs - originMs) / INCIDENT_CYCLE_MS);
  const slotOf = (cycle: number) => ((cycle % CYCLES_PER_WEEK) + CYCLES_PER_WEEK) % CYCLES_PER_WEEK;

  function incidentOf(cycle: number): Incident {
    const layout = layouts[slotOf(cycle)]!;
    const startMs = originMs + cycle * INCIDENT_CYCLE_MS + layout.offsetMs;
    return {
      id: `inc-${cycle}`,
      agent: agents[layout.agent]!,
      kind: layout.kind,
      startMs,
      endMs: startMs + layout.durationMs,
    };
  }

  // Week 0's incidents in seconds, and the exposure accumulated before each of its slots.
  const startSec = layouts.map(
    (layout, slot) => (originMs + slot * INCIDENT_CYCLE_MS + layout.offsetMs) / 1000,
  );
  const endSec = layouts.map((layout, slot) => startSec[slot]! + layout.durationMs / 1000);
  const startIntegral = layouts.map((layout, slot) => shapeIntegral(layout.agent, startSec[slot]!));
  const prefix = agents.flatMap((_, agent) =>
    KINDS.map((kind) => {
      const sums = new Float64Array(CYCLES_PER_WEEK + 1);
      layouts.forEach((layout, slot) => {
        const own =
          layout.agent === agent && layout.kind === kind
            ? shapeIntegral(agent, endSec[slot]!) - startIntegral[slot]!
            : 0;
        sums[slot + 1] = sums[slot]! + own;
      });
      return sums;
    }),
  );

  // Memoised per agent and kind: every series of an agent asks for the same instants.
  const exposures = agents.flatMap((_, agent) =>
    KINDS.map((kind) => memoizeByTime((tSec) => exposureOf(agent, kind, tSec))),
  );

  return {
    between(fromMs, toMs) {
      const out: Incident[] = [];
      for (let cycle = cycleOf(fromMs) - 1; cycle <= cycleOf(toMs); cycle++) {
        const incident = incidentOf(cycle);
        if (incident.endMs >= fromMs && incident.startMs <= toMs) out.push(incident);
      }
      return out;
    },
    activeAt(tMs) {
      const cycle = cycleOf(tMs);
      return [incidentOf(cycle - 1), incidentOf(cycle)].filter(
        (incident) => incident.startMs <= tMs && tMs < incident.endMs,
      );
    },
    isActive(agent, kind, tMs) {
      const cycle = cycleOf(tMs);
      for (let c = cycle - 1; c <= cycle; c++) {
        const layout = layouts[slotOf(c)]!;
        if (layout.agent !== agent || layout.kind !== kind) continue;
        const start = originMs + c * INCIDENT_CYCLE_MS + layout.offsetMs;
        if (start <= tMs && tMs < start + layout.durationMs) return true;
      }
      return false;
    },
    exposure: (agent, kind, tSec) =>
      exposures[agent * KINDS.length + KINDS.indexOf(kind)]?.(tSec) ?? 0,
  };

  function exposureOf(agent: number, kind: IncidentKind, tSec: number): number {
    const sums = prefix[agent * KINDS.length + KINDS.indexOf(kind)];
    if (!sums) return 0;
    const cycle = Math.floor((tSec * 1000 - originMs) / INCIDENT_CYCLE_MS);
    const week = Math.floor(cycle / CYCLES_PER_WEEK);
    const slot = cycle - week * CYCLES_PER_WEEK;
    // Shifting by whole weeks keeps shape integrals' differences intact (a week is 7 days).
    const shiftedSec = tSec - week * WEEK_SEC;
    let value = week * sums[CYCLES_PER_WEEK]! + sums[slot]!;
    const layout = layouts[slot]!;
    if (layout.agent === agent && layout.kind === kind && shiftedSec > startSec[slot]!) {
      const until = Math.min(shiftedSec, endSec[slot]!);
      value += shapeIntegral(agent, until) - startIntegral[slot]!;
    }
    return value;
  }
}
