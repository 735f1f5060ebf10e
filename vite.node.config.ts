import { defineConfig } from 'vite';

// Builds the command-line tools for Node. They share lib/ with the extension, including the report's
// `.sql` files imported with `?raw`, which plain Node cannot load, so they go through Vite too.
export default defineConfig({
  build: {
    ssr: true,
    outDir: '.output/node',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: { report: 'cli/report.ts', 'generate-samples': 'scripts/generate-samples.ts' },
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
  logLevel: 'warn',
});
