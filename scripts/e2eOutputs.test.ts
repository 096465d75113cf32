// A test run must leave the working tree as it found it: journeys write only under ignored
// folders, and the documentation's pictures change only through `npm run docs:screenshots`.
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import playwrightConfig from '../playwright.config';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOT_HELPER = 'e2e/fixtures/documentationScreenshot.ts';

async function e2eSources(): Promise<string[]> {
  const entries = await readdir(join(projectRoot, 'e2e'), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(projectRoot, join(entry.parentPath, entry.name)));
}

describe('what the journeys write', () => {
  it('takes every screenshot through documentationScreenshot, never straight into docs/', async () => {
    const writers: string[] = [];
    for (const file of await e2eSources()) {
      if (file === SCREENSHOT_HELPER) continue;
      const source = await readFile(join(projectRoot, file), 'utf8');
      if (/\.screenshot\(/.test(source)) writers.push(file);
    }
    expect(writers).toEqual([]);
  });

  it('keeps Playwright’s output, where the screenshots go, in a folder git ignores', () => {
    const outputDir = playwrightConfig.outputDir ?? 'test-results';
    const probe = join(outputDir, 'journey', 'screenshot-three-panes.png');
    const check = spawnSync('git', ['check-ignore', '--quiet', probe], { cwd: projectRoot });
    expect(check.status, `${probe} is not ignored by git`).toBe(0);
  });
});
