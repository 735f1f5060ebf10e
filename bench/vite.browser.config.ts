import { defineConfig } from 'vite';

// Builds bench/browser/workbook-page.ts as one classic script for a plain Chromium page, with exceljs's
// browser build, as the extension's worker gets it.
export default defineConfig({
  build: {
    outDir: '.output/bench/browser',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    lib: { entry: 'bench/browser/workbook-page.ts', formats: ['iife'], name: 'benchWorkbookPage', fileName: () => 'workbook-page.js' },
  },
  logLevel: 'warn',
});
