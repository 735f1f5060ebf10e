import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// DuckDB's browser "blocking" bundle runs the engine synchronously inside our own worker, the same
// bindings the Node CLI and tests use. The package does not export that file, so it is aliased.
const duckdbBrowserBlocking = fileURLToPath(
  new URL('./node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url),
);

export default defineConfig({
  imports: false,
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: 'Adoption Lens',
    description:
      'Adoption and usage reports from your RingCentral exports, computed in the browser. No data leaves your computer.',
    permissions: ['storage'],
    action: { default_title: 'Adoption Lens' },
    content_security_policy: {
      // 'wasm-unsafe-eval' lets DuckDB compile its bundled WebAssembly. connect-src 'self' blocks any
      // attempt to download DuckDB extensions or send data anywhere, and default-src 'self' keeps
      // images, styles and fonts local too. Charts become workbook images through blob: URLs of the page.
      extension_pages:
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self'; worker-src 'self'; img-src 'self' blob:",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'adoption-lens@example.org', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
  zip: {
    // The build writes no source maps today; this keeps any that a later build setting adds out of the store zips.
    exclude: ['**/*.map'],
    // addons.mozilla.org reviewers rebuild the extension from the sources zip, which needs no tests, test
    // data, benchmarks or reports. WXT itself leaves out node_modules, dotfiles, .output and *.test.ts.
    excludeSources: ['test/**', 'e2e/**', 'bench/**', 'reports/**', 'test-results/**', '**/*.map'],
  },
  vite: () => ({
    plugins: [preact()],
    resolve: { alias: { 'duckdb-wasm-browser-blocking': duckdbBrowserBlocking } },
    worker: { format: 'es' },
    build: { chunkSizeWarningLimit: 4096 },
  }),
});
