/**
 * The trace generator lives in `mocks/traces/` so the browser demo, the unit tests and the
 * benchmarks share one implementation; this is its entry point for benchmarks and scripts.
 */
export { createRng, DEFAULT_START_US, generateJaegerTrace } from '../../mocks/traces/generator';
export type {
  GenerateOptions,
  JaegerSpanJson,
  JaegerTraceJson,
} from '../../mocks/traces/generator';
