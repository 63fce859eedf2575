// Runs the trace pipeline benchmark under Node: `node bench/tracegen/run.mjs [sizes…]`.
// Vite's module runner loads the TypeScript sources, so no build step is needed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { module } = await runnerImport(resolve(root, 'bench/tracegen/pipeline.ts'), {
  root,
  configFile: false,
  logLevel: 'error',
});
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const figures = module.runPipelineBench(sizes.length > 0 ? sizes : undefined);
console.table(figures);
const out = resolve(root, 'bench/results/trace-pipeline.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ node: process.version, date: new Date().toISOString(), figures }, null, 2)}\n`,
);
console.log(`written to ${out}`);
