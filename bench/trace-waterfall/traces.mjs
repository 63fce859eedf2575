// Deterministic Jaeger traces for the bench, from the shared generator (mocks/traces/generator.ts).
import { runnerImport } from 'vite';

/** Trace id for a size: the span count in hex, padded to Jaeger's 32 hex digits. */
export function benchTraceId(spans) {
  return `be0c${spans.toString(16).padStart(28, '0')}`;
}

/**
 * One `/api/traces/{id}` response body per size: 20 services, depth up to 12, varied fan-out,
 * ~2% errors, logs, GenAI spans (the generator's defaults).
 */
export async function generateBodies(root, sizes) {
  const { module } = await runnerImport(`${root}/bench/tracegen/generate.ts`, {
    root,
    configFile: false,
    logLevel: 'error',
  });
  const bodies = new Map();
  for (const spans of sizes) {
    const traceId = benchTraceId(spans);
    const trace = module.generateJaegerTrace({
      spans,
      seed: 42,
      traceId,
      maxDepth: 12,
      services: 20,
    });
    const body = JSON.stringify({ data: [trace], total: 1, limit: 0, offset: 0, errors: null });
    bodies.set(traceId, Buffer.from(body));
  }
  return bodies;
}
