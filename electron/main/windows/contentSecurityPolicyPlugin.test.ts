import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, createServer } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, readContentSecurityPolicies } from './contentSecurityPolicy';
import { contentSecurityPolicyPlugin, inlineScriptHashes } from './contentSecurityPolicyPlugin';

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self' 'unsafe-inline'" />
    <title>Rounds</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./main.js"></script>
  </body>
</html>
`;

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rounds-csp-'));
  await writeFile(join(root, 'index.html'), INDEX_HTML);
  await writeFile(
    join(root, 'main.js'),
    "document.getElementById('root').textContent = 'Rounds';\n",
  );
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('contentSecurityPolicyPlugin', () => {
  it('builds index.html with exactly the app policy (minus header-only frame-ancestors)', async () => {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [contentSecurityPolicyPlugin()],
      build: { outDir: join(root, 'out'), emptyOutDir: true },
    });
    const built = await readFile(join(root, 'out', 'index.html'), 'utf8');
    expect(readContentSecurityPolicies(built)).toEqual([
      CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''),
    ]);
    expect(inlineScriptHashes(built)).toEqual([]);
  });

  it('on the dev server, allows React Refresh by hash and inline styles, and nothing more', async () => {
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [react(), contentSecurityPolicyPlugin()],
      server: { middlewareMode: true, ws: false },
    });
    try {
      const served = await server.transformIndexHtml('/index.html', INDEX_HTML);
      const preamble = react.preambleCode.replace('__BASE__', '/');
      const preambleHash = createHash('sha256').update(preamble).digest('base64');
      const [policy] = readContentSecurityPolicies(served);
      expect(served).toContain(preamble);
      expect(policy).toBe(
        CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')
          .replace("script-src 'self'", `script-src 'self' 'sha256-${preambleHash}'`)
          .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
      );
    } finally {
      await server.close();
    }
  });
});
