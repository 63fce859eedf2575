import { availableParallelism } from 'node:os';
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vitest/config';

// Demo mode (MSW in the browser) is compiled in only when asked for:
// `VITE_DEMO=1 vite build` or the dev server. Production builds without it
// tree-shake every import of `mocks/`.
export default defineConfig(({ command }) => ({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
    },
  },
  define: {
    __DEMO_BUILD__: JSON.stringify(command === 'serve' || process.env.VITE_DEMO === '1'),
  },
  build: {
    sourcemap: true,
    chunkSizeWarningLimit: 900,
    // Shared chunks must not run before the entry's first import (zod's CSP setting).
    rolldownOptions: { output: { strictExecutionOrder: true } },
  },
  worker: { format: 'es' },
  test: {
    globals: true,
    css: false,
    // Tests bound their own waits; this only catches a hang. On a shared 2-core machine a
    // test that waits for a live stream to finish can take several seconds.
    testTimeout: 20_000,
    // Vitest's default leaves one core idle: on a 2-core machine, one worker for 150 files.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        // Logic, clients and the simulator: no DOM, so no jsdom to set up for each file
        // (about 0.6 s a file). A file that needs one says `// @vitest-environment jsdom`.
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          setupFiles: ['./src/test/clock.ts'],
          include: ['src/**/*.test.ts', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          setupFiles: ['./src/test/clock.ts', './src/test/setup.ts'],
          include: ['src/**/*.test.tsx'],
        },
      },
    ],
  },
}));
