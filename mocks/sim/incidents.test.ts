import { AGENTS } from './catalog';
import {
  CYCLES_PER_WEEK,
  INCIDENT_CYCLE_MS,
  ONGOING_INCIDENT,
  RECOVERED_INCIDENT,
  createIncidentSchedule,
  type IncidentKind,
} from './incidents';
import { dailyShape, dailyShapeIntegral } from './rhythm';

const ANCHOR = Date.UTC(2026, 10, 21, 12, 0);
const MINUTE = 60_000;
const schedule = (seed = 42, anchorMs = ANCHOR) =>
  createIncidentSchedule({
    seed,
    anchorMs,
    agents: AGENTS.map((a) => a.name),
    shapeIntegral: (agent, tSec) => dailyShapeIntegral(tSec, AGENTS[agent]!.peakHourUtc),
  });

describe('incident schedule', () => {
  it('places a recovered error spike and an ongoing slowdown around the anchor', () => {
    const around = schedule().between(ANCHOR - 60 * MINUTE, ANCHOR);
    expect(around).toHaveLength(2);
    const [recovered, ongoing] = around;
    expect(recovered).toMatchObject({
      kind: 'error-spike',
      startMs: ANCHOR + RECOVERED_INCIDENT.startMs,
      endMs: ANCHOR + RECOVERED_INCIDENT.endMs,
    });
    expect(ongoing).toMatchObject({
      kind: 'slowdown',
      startMs: ANCHOR + ONGOING_INCIDENT.startMs,
      endMs: ANCHOR + ONGOING_INCIDENT.endMs,
    });
    expect(ongoing!.agent).not.toBe(recovered!.agent);
    expect(schedule().activeAt(ANCHOR)).toEqual([ongoing]);
  });

  it('has one incident of 20–40 minutes every 3 hours, never overlapping', () => {
    const week = schedule(7).between(ANCHOR, ANCHOR + CYCLES_PER_WEEK * INCIDENT_CYCLE_MS);
    expect(week.length).toBeGreaterThanOrEqual(CYCLES_PER_WEEK);
    for (const [i, incident] of week.entries()) {
      const minutes = (incident.endMs - incident.startMs) / MINUTE;
      expect(minutes).toBeGreaterThanOrEqual(20);
      expect(minutes).toBeLessThanOrEqual(40);
      if (i > 0) expect(incident.startMs).toBeGreaterThan(week[i - 1]!.endMs);
    }
    expect(new Set(week.map((i) => i.agent)).size).toBeGreaterThan(3);
  });

  it('repeats weekly and depends only on seed and anchor', () => {
    const a = schedule(3).between(ANCHOR, ANCHOR + 12 * 3_600_000);
    const b = schedule(3).between(ANCHOR, ANCHOR + 12 * 3_600_000);
    expect(a).toEqual(b);
    const weekMs = CYCLES_PER_WEEK * INCIDENT_CYCLE_MS;
    const nextWeek = schedule(3).between(ANCHOR + weekMs, ANCHOR + weekMs + 12 * 3_600_000);
    expect(nextWeek.map((i) => [i.agent, i.kind, i.startMs - weekMs])).toEqual(
      a.map((i) => [i.agent, i.kind, i.startMs]),
    );
    const otherSeed = schedule(4).between(ANCHOR, ANCHOR + 24 * 3_600_000);
    expect(otherSeed.map((i) => i.agent)).not.toEqual(
      schedule(3)
        .between(ANCHOR, ANCHOR + 24 * 3_600_000)
        .map((i) => i.agent),
    );
  });

  it('integrates the load shape over incidents in closed form', () => {
    // Compare with a 30 s Riemann sum over three days, well away from the origin.
    const s = schedule(11);
    const from = ANCHOR + 10 * 86_400_000;
    const to = from + 3 * 86_400_000;
    for (const kind of ['error-spike', 'slowdown'] as IncidentKind[]) {
      AGENTS.forEach((agent, index) => {
        let numeric = 0;
        for (let t = from; t < to; t += 30_000) {
          if (s.isActive(index, kind, t + 15_000))
            numeric += 30 * dailyShape((t + 15_000) / 1000, agent.peakHourUtc);
        }
        const closed = s.exposure(index, kind, to / 1000) - s.exposure(index, kind, from / 1000);
        expect(closed).toBeCloseTo(numeric, -1);
      });
    }
  });
});
