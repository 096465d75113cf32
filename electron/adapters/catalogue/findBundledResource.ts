import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// From the sources (electron/adapters/catalogue) the project root is three levels up; from the
// build (out/main/chunks or out/main) two or three. A few more cover other layouts.
const LEVELS_TO_SEARCH = 6;

/**
 * The absolute path of a file under the project's `resources/` folder, found by walking up from
 * this module: the same lookup works from the TypeScript sources under test and from the bundle
 * that `node out/main/host.js` runs, where `resources/` sits beside `out/`. Null when not found.
 */
export function findBundledResource(
  relativePath: string,
  fromUrl: string = import.meta.url,
): string | null {
  let directory = dirname(fileURLToPath(fromUrl));
  for (let level = 0; level <= LEVELS_TO_SEARCH; level++) {
    const candidate = join(directory, 'resources', relativePath);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return null;
}
