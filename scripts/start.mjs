// `npm start`: the desktop app where Electron's binary exists, otherwise the host in plain Node
// with the URL to open. `npm run host` (`--host`) always starts the host.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed.mjs';
import { findElectronBinary } from './electronBinary.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const hostOnly = args.includes('--host');
const forwarded = args.filter((arg) => arg !== '--host');

buildIfNeeded(projectRoot);

const electron = hostOnly ? null : findElectronBinary(projectRoot);
if (!hostOnly && !electron) {
  console.log(
    'Electron is not available on this machine (its binary is not installed), so Rounds starts as a local web host instead.',
  );
}
const child = electron
  ? spawn(electron, [projectRoot, ...forwarded], { stdio: 'inherit' })
  : spawn(process.execPath, [join(projectRoot, 'out/main/host.js'), ...forwarded], {
      stdio: 'inherit',
    });

// Forward Ctrl+C / kill so the backend can flush its writes before exiting.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
