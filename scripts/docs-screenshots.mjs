// `npm run docs:screenshots`: runs the journeys that photograph the app and lets them replace the
// pictures in docs/. `npm test` runs the same journeys but keeps their pictures under .tmp/, so a
// test run never changes tracked files.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
// The journeys that call documentationScreenshot (e2e/fixtures/documentationScreenshot.ts).
const JOURNEYS = ['e2e/first-feed.spec.ts', 'e2e/subscriptions.spec.ts'];

const result = spawnSync('npx', ['playwright', 'test', ...JOURNEYS], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: { ...process.env, ROUNDS_DOCS_SCREENSHOTS: '1' },
  shell: process.platform === 'win32',
});
if (result.error) console.error(`Could not run Playwright: ${result.error.message}`);
process.exit(result.status ?? 1);
