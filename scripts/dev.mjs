// `npm run dev`: electron-vite's dev loop where Electron's binary exists; elsewhere the host
// (rebuilt once) plus Vite's dev server for the renderer, with /api proxied to the host, so UI
// edits reload instantly in any browser.
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { buildIfNeeded } from './build-if-needed.mjs';
import { findElectronBinary } from './electronBinary.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

if (findElectronBinary(projectRoot)) {
  const child = spawn('npx', ['electron-vite', 'dev'], { cwd: projectRoot, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'Electron is not available on this machine; starting the host with a live-reloading renderer.',
  );
  buildIfNeeded(projectRoot);
  const host = spawn(
    process.execPath,
    [join(projectRoot, 'out/main/host.js'), '--port', '0', ...process.argv.slice(2)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  process.on('SIGINT', () => host.kill('SIGINT'));
  host.on('exit', (code) => process.exit(code ?? 0));
  const hostUrl = await new Promise((resolve) => {
    createInterface({ input: host.stdout }).on('line', (line) => {
      const match = /Rounds is running at (\S+)/.exec(line);
      if (match) resolve(match[1]);
      else console.log(line);
    });
  });
  const { createServer } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  // The same CSP plugin as the build, loaded from TypeScript through tsx, so the dev page keeps
  // the strict policy but for React Refresh's hashed inline script.
  const { tsImport } = await import('tsx/esm/api');
  const { contentSecurityPolicyPlugin } = await tsImport(
    '../electron/main/windows/contentSecurityPolicyPlugin.ts',
    import.meta.url,
  );
  const server = await createServer({
    configFile: false,
    root: join(projectRoot, 'renderer'),
    plugins: [react(), contentSecurityPolicyPlugin()],
    resolve: { alias: { '@shared': join(projectRoot, 'shared') } },
    // The host checks Origin on API calls; the proxy presents the host's own origin.
    server: {
      host: '127.0.0.1',
      proxy: {
        '/api': {
          target: hostUrl,
          changeOrigin: true,
          headers: { origin: hostUrl.replace(/\/$/, '') },
        },
      },
    },
  });
  await server.listen();
  console.log(
    `Rounds (dev) is running at ${server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/'}`,
  );
}
