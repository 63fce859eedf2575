/** Collects the simulator's series and metric metadata while the metric families are built. */
import type { IncidentSchedule } from './incidents';
import type { SimHistogram } from './histogram';
import { createHistogram, type HistogramSpec } from './histogram';
import { createCounter, type CounterSpec } from './counter';
import { hash2, hashString } from './random';

export type Labels = Readonly<Record<string, string>>;
export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface MetricMetadata {
  readonly type: MetricType;
  readonly help: string;
  readonly unit: string;
}

export interface SeriesDescriptor {
  /** Canonical `name{label="value",…}` with labels sorted; stable across runs. */
  readonly id: string;
  /** Every label, including `__name__`, `job` and `instance`. */
  readonly labels: Labels;
}

/** Where a histogram bucket series gets its exemplars from. */
export interface ExemplarSource {
  readonly histogram: SimHistogram;
  /** Observations in (lower, upper] land in this bucket and not in a smaller one. */
  readonly lower: number;
  readonly upper: number;
  /** Shared by every bucket of one histogram, so one observation lands in exactly one bucket. */
  readonly key: number;
}

export interface SimSeries extends SeriesDescriptor {
  readonly evaluate: (tSec: number) => number;
  readonly exemplars?: ExemplarSource;
}

export function seriesId(labels: Labels): string {
  const { __name__: name = '', ...rest } = labels;
  const pairs = Object.keys(rest)
    .sort()
    .map((key) => `${key}=${JSON.stringify(rest[key])}`);
  return `${name}{${pairs.join(',')}}`;
}

/** Formats a bucket bound the way Go client libraries write `le` (strconv 'g', shortest). */
export function formatBound(bound: number): string {
  if (bound === Infinity) return '+Inf';
  const exponent = bound === 0 ? 0 : Math.floor(Math.log10(Math.abs(bound)));
  if (exponent < -4 || exponent >= 6) {
    const [mantissa = '', exp = '0'] = bound.toExponential().split('e');
    const sign = exp.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${exp.replace(/^[-+]/, '').padStart(2, '0')}`;
  }
  return String(bound);
}

export class SeriesRegistry {
  readonly series: SimSeries[] = [];
  readonly metadata: Record<string, MetricMetadata> = {};

  constructor(
    readonly seed: number,
    readonly schedule: IncidentSchedule,
  ) {}

  /** A noise key unique to this seed and name. */
  key(name: string): number {
    return hash2(this.seed, hashString(name));
  }

  describe(name: string, type: MetricType, help: string, unit = ''): void {
    this.metadata[name] = { type, help, unit };
  }

  add(labels: Labels, evaluate: (tSec: number) => number, exemplars?: ExemplarSource): void {
    this.series.push({ id: seriesId(labels), labels, evaluate, exemplars });
  }

  /**
   * Adds a counter series whose noise is keyed by its own identity. Counters of events are whole
   * numbers; those accumulating seconds (`*_seconds_total`) are not.
   */
  addCounter(labels: Labels, spec: Omit<CounterSpec, 'noiseKey' | 'whole'>): void {
    const noiseKey = this.key(seriesId(labels));
    const whole = !(labels.__name__ ?? '').endsWith('_seconds_total');
    this.add(labels, createCounter({ ...spec, noiseKey, whole }, this.schedule));
  }

  /** Adds `<name>_bucket` for every bound and +Inf, `<name>_sum` and `<name>_count`. */
  addHistogram(name: string, labels: Labels, spec: Omit<HistogramSpec, 'noiseKey'>): SimHistogram {
    const key = this.key(seriesId({ ...labels, __name__: name }));
    const histogram = createHistogram({ ...spec, noiseKey: key }, this.schedule);
    const bounds = [...spec.bounds, Infinity];
    bounds.forEach((upper, index) => {
      const lower = index === 0 ? -Infinity : bounds[index - 1]!;
      this.add(
        { __name__: `${name}_bucket`, ...labels, le: formatBound(upper) },
        histogram.bucket(index),
        { histogram, lower, upper, key },
      );
    });
    this.add({ __name__: `${name}_sum`, ...labels }, histogram.sum());
    this.add({ __name__: `${name}_count`, ...labels }, histogram.count());
    return histogram;
  }
}
