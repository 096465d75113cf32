// `npm start` builds only when a source file is newer than the last build, so a second start is
// instant and a stale build is never run by mistake.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = [
  'electron',
  'renderer',
  'shared',
  'resources',
  'electron.vite.config.ts',
  'package.json',
];
const OUTPUTS = [
  'out/main/index.js',
  'out/main/host.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];
/** Written after a successful build only; its time tells whether the output is up to date. */
export const BUILD_STAMP = 'out/.build-stamp';

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Runs `electron-vite build` when the output is missing or older than any source. */
export function buildIfNeeded(projectRoot, { force = false } = {}) {
  const stamp = join(projectRoot, BUILD_STAMP);
  const complete = OUTPUTS.every((file) => existsSync(join(projectRoot, file)));
  const sourcesTime = Math.max(...SOURCES.map((source) => newestMtime(join(projectRoot, source))));
  if (!force && complete && existsSync(stamp) && statSync(stamp).mtimeMs >= sourcesTime) return;
  console.log('Building Rounds…');
  const result = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('The build failed; see the errors above.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString());
}
