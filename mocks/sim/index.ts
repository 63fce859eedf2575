export { createSimulator } from './simulator';
export type { SimExemplar, Simulator, SimulatorOptions } from './simulator';
export type { Labels, MetricMetadata, MetricType, SeriesDescriptor } from './registry';
export type { Incident, IncidentKind } from './incidents';
export {
  CYCLES_PER_WEEK,
  INCIDENT_CYCLE_MS,
  ONGOING_INCIDENT,
  RECOVERED_INCIDENT,
} from './incidents';
export { DISK_FILL, fillingDiskFree } from './families/node';
export * as catalog from './catalog';
