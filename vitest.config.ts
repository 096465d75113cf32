import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/src/**/*.test.ts',
      'renderer/src/**/*.test.tsx',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
      'electron-builder.config.test.ts',
    ],
    // Renderer component tests opt into a DOM per file with a `// @vitest-environment jsdom` line.
    environment: 'node',
    testTimeout: 20_000,
    // Tests share a 2-core machine with the e2e run; forks keep each test file's temp folders apart.
    pool: 'forks',
  },
});
