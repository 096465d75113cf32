// `npm run bench`: runs every benchmark in bench/ through tsx; each prints JSON lines.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const benches = readdirSync(join(projectRoot, 'bench'))
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();
let failed = false;
for (const bench of benches) {
  const result = spawnSync('npx', ['tsx', join('bench', bench)], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`${bench} failed`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
