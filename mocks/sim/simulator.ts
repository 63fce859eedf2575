/**
 * The simulated AI-agent platform. Every value is a pure function of (seed, anchor, time): no
 * Math.random, no state that depends on call order, so any instant can be asked for at any time
 * and two simulators with the same options agree exactly.
 */
import { AGENTS } from './catalog';
import { addAetFamilies } from './families/aet';
import { addGenAiFamilies } from './families/genai';
import { addNodeFamilies } from './families/node';
import { createIncidentSchedule, type Incident } from './incidents';
import { SERVICES } from '@mocks/traces/catalog';
import { encodeTraceId } from '@mocks/traces/trace-ids';
import { hash2, hexId, pickIndex, unitHash } from './random';
import {
  SeriesRegistry,
  type Labels,
  type MetricMetadata,
  type SeriesDescriptor,
  type SimSeries,
} from './registry';
import { dailyShapeIntegral } from './rhythm';

export interface SimulatorOptions {
  readonly seed?: number;
  /**
   * The instant two incidents are placed around: one recovered within the hour before it, one
   * in progress at it. The demo passes its start time, so a dashboard opened then always has
   * something to show; the default (the Unix epoch) keeps the schedule a function of the seed.
   */
  readonly anchorMs?: number;
}

export interface SimExemplar {
  readonly labels: Labels;
  readonly value: number;
  readonly timestampMs: number;
}

export interface Simulator {
  readonly seed: number;
  readonly anchorMs: number;
  /** Every series, sorted by id. */
  series(): readonly SeriesDescriptor[];
  /** Value of a series at tMs; NaN for an unknown id. */
  valueAt(seriesId: string, tMs: number): number;
  /** A fast evaluator for one series, or undefined for an unknown id. */
  sampler(seriesId: string): ((tMs: number) => number) | undefined;
  /** Incidents overlapping [fromMs, toMs], oldest first. */
  incidents(fromMs: number, toMs: number): Incident[];
  /** Metadata by metric family name (histograms without their suffixes). */
  metadata(): Readonly<Record<string, MetricMetadata>>;
  /** Exemplars of a histogram bucket series in [fromMs, toMs]; none for other series. */
  exemplars(seriesId: string, fromMs: number, toMs: number): SimExemplar[];
}

/** One candidate exemplar per histogram per slot; the observation picks the bucket. */
const EXEMPLAR_SLOT_MS = 60_000;
const MAX_EXEMPLAR_SLOTS = 240;

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const seed = options.seed ?? 42;
  const anchorMs = options.anchorMs ?? 0;
  const schedule = createIncidentSchedule({
    seed,
    anchorMs,
    agents: AGENTS.map((a) => a.name),
    shapeIntegral: (agent, tSec) => dailyShapeIntegral(tSec, AGENTS[agent]?.peakHourUtc),
  });
  const registry = new SeriesRegistry(seed, schedule);
  addAetFamilies(registry);
  addGenAiFamilies(registry);
  addNodeFamilies(registry, anchorMs);

  const all = [...registry.series].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map<string, SimSeries>(all.map((s) => [s.id, s]));
  const descriptors: readonly SeriesDescriptor[] = all.map(({ id, labels }) => ({ id, labels }));

  return {
    seed,
    anchorMs,
    series: () => descriptors,
    valueAt(seriesId, tMs) {
      const found = byId.get(seriesId);
      return found ? found.evaluate(tMs / 1000) : NaN;
    },
    sampler(seriesId) {
      const found = byId.get(seriesId);
      if (!found) return undefined;
      const evaluate = found.evaluate;
      return (tMs) => evaluate(tMs / 1000);
    },
    incidents: (fromMs, toMs) => schedule.between(fromMs, toMs),
    metadata: () => registry.metadata,
    exemplars(seriesId, fromMs, toMs) {
      const source = byId.get(seriesId)?.exemplars;
      if (!source || toMs < fromMs) return [];
      const slotMs = Math.max(
        EXEMPLAR_SLOT_MS,
        Math.ceil((toMs - fromMs) / MAX_EXEMPLAR_SLOTS / EXEMPLAR_SLOT_MS) * EXEMPLAR_SLOT_MS,
      );
      const histogramKey = source.key;
      const out: SimExemplar[] = [];
      for (let slot = Math.ceil(fromMs / slotMs); slot * slotMs <= toMs; slot++) {
        const timestampMs = slot * slotMs + Math.floor(unitHash(histogramKey, slot * 3) * slotMs);
        if (timestampMs < fromMs || timestampMs > toMs) continue;
        const u = 0.02 + 0.97 * unitHash(histogramKey, slot * 3 + 1);
        const value = source.histogram.observe(timestampMs / 1000, u);
        if (!(value > source.lower && value <= source.upper)) continue;
        out.push({
          labels: {
            // A trace the demo's Jaeger serves: the exemplar opens a trace of that request.
            trace_id: encodeTraceId({
              spans: 20 + pickIndex(histogramKey, slot * 3 + 2, 280),
              startMs: timestampMs - Math.round(value * 1000),
              rootService: pickIndex(histogramKey, slot * 3 + 3, SERVICES.length),
              seed: hash2(histogramKey, slot),
            }),
            span_id: hexId(histogramKey, -slot - 1, 16),
          },
          value: Math.round(value * 1e6) / 1e6,
          timestampMs,
        });
      }
      return out;
    },
  };
}
