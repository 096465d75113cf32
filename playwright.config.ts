import { defineConfig } from '@playwright/test';

/**
 * Journeys run against the real app: Electron where its binary exists, otherwise the host in
 * Debian's Chromium (e2e/fixtures/appTarget.ts decides and says which). Browsers are never
 * downloaded: see docs/TESTING.md.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Each journey starts its own backend and browser; two cores cannot run many at once reliably.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  globalSetup: './e2e/fixtures/globalSetup.ts',
  outputDir: '.tmp/test-results',
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? '.tmp/test-reports/playwright.json',
      },
    ],
  ],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 800 },
  },
});
