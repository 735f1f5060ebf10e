import { defineConfig } from 'vite';

// Builds the benchmark's Node programs. They import lib/, whose report SQL files are `?raw` imports
// that plain Node cannot load, so they go through Vite as the CLI does. Packages stay external.
export default defineConfig({
  build: {
    ssr: true,
    outDir: '.output/bench',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: {
        bench: 'bench/main.ts',
        'engine-run': 'bench/engine-run.ts',
        'native-thread': 'bench/native/thread.ts',
      },
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
  logLevel: 'warn',
});
