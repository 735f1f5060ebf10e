import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Debian's Chromium; run `wxt build` first.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
