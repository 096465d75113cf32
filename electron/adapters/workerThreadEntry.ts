import { fileURLToPath } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * How to start one of our worker threads from the module at `callerUrl` (its import.meta.url).
 * The built app runs the bundled worker (`built`, beside the bundle). Tests and scripts run the
 * sources, where Node cannot start a `.ts` worker by itself (Node 20 does not apply `--import`
 * loaders to worker threads), so a small bootstrap loads `source` through tsx with the project's
 * path aliases. The file names are arguments, not literals, so bundlers leave them alone.
 */
export function workerThreadEntry(
  callerUrl: string,
  files: { built: string; source: string },
): { script: string | URL; options: WorkerOptions } {
  // The pathname, as loaders such as tsx's tsImport add a query to module URLs.
  if (!new URL(callerUrl).pathname.endsWith('.ts')) {
    return { script: new URL(files.built, callerUrl), options: {} };
  }
  const worker = new URL(files.source, callerUrl).href;
  const tsconfig = fileURLToPath(new URL('../../tsconfig.node.json', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(worker)}, { parentURL: ${JSON.stringify(worker)}, tsconfig: ${JSON.stringify(tsconfig)} }));`;
  return { script: bootstrap, options: { eval: true } };
}
