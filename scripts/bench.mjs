// `npm run bench`: runs every benchmark in bench/ through tsx; each prints JSON lines.
// `npm run bench -- scale storage` runs only the named ones (bench/<name>.bench.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const available = readdirSync(join(projectRoot, 'bench'))
  .filter((name) => name.endsWith('.bench.ts'))
  .map((name) => name.slice(0, -'.bench.ts'.length))
  .sort();
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`No benchmark named ${unknown.join(', ')}. Available: ${available.join(', ')}.`);
  process.exit(2);
}
const benches = requested.length > 0 ? requested : available;
let failed = false;
for (const bench of benches) {
  const result = spawnSync('npx', ['tsx', join('bench', `${bench}.bench.ts`)], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`${bench}.bench.ts failed`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
