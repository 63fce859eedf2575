export { createPromClient } from './promClient';
export type {
  HeaderSource,
  PromClient,
  PromClientOptions,
  PromRequestMeta,
  QueryResult,
  RangeQueryResult,
} from './promClient';
export {
  computeStep,
  rateInterval,
  formatPromDuration,
  niceStep,
  MAX_POINTS_PER_SERIES,
  DEFAULT_SCRAPE_INTERVAL_SEC,
} from './step';
export type { StepInput } from './step';
export { interpolateQuery, escapeRegexValue } from './interpolate';
export type { BuiltinIntervals, TemplateVariables } from './interpolate';
export { parseSampleValue } from './schemas';
export type {
  Alert,
  AlertingRule,
  BuildInfo,
  Exemplar,
  ExemplarSeries,
  Labels,
  MatrixSeries,
  MetricMetadata,
  QueryData,
  RecordingRule,
  Rule,
  RuleGroup,
  SamplePair,
  TargetMetadata,
  Targets,
  VectorSample,
} from './schemas';
