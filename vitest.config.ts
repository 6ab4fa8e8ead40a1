import { defineConfig } from 'vitest/config';

// Unit tests: the pure core (recist, dicom, export, ...) in Node. Browser tests live in vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
  },
});
