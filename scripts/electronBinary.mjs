// Finds Electron's binary without `require('electron')`, which would try to download it.
// From Electron 42 on, the binary arrives on first use; machines without internet never get it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} projectRoot
 * @returns {string | null} absolute path of the Electron executable, or null when it is absent.
 */
export function findElectronBinary(projectRoot) {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return null;
  const binary = join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}
