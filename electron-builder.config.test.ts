// Checks the packaging configuration without packaging (that needs Electron's binary and the
// network): electron-builder's own loader reads the file, its own schema validation accepts it,
// and its own file matcher decides what goes into app.asar.
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

const projectDir = import.meta.dirname;
const CONFIG_FILE = 'electron-builder.config.ts';

let config: Configuration;

beforeAll(async () => {
  // What `electron-builder --config electron-builder.config.ts` loads.
  config = await getConfig(projectDir, CONFIG_FILE, null);
});

/** Whether electron-builder would copy the project file at `path` into the app. */
function isPackaged(path: string): boolean {
  const matchers = getFileMatchers(config, 'files', '/app', {
    macroExpander: (pattern) => pattern,
    customBuildOptions: {},
    globalOutDir: join(projectDir, 'dist'),
    defaultSrc: projectDir,
  });
  const file = { isDirectory: () => false } as Stats;
  return (matchers ?? []).some((matcher) => matcher.createFilter()(join(projectDir, path), file));
}

describe('electron-builder.config.ts', () => {
  it('passes the schema electron-builder validates every build against', async () => {
    await expect(
      validateConfiguration(structuredClone(config), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('names the app and packs it into an asar archive', () => {
    expect(config).toMatchObject({ productName: 'Rounds', asar: true });
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  });

  it('flips every Electron fuse an installed app should have', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it.each([
    'out/main/index.js',
    'out/main/host.js',
    'out/main/feedParserWorker.js',
    'out/preload/index.cjs',
    'out/renderer/index.html',
    'out/renderer/assets/index-DLB44SYO.js',
    'resources/catalogue/starter-feeds.opml',
  ])('ships the built %s', (path) => {
    expect(isPackaged(path)).toBe(true);
  });

  it.each([
    'electron/main/index.ts',
    'electron/main/windows/mainWindowOptions.test.ts',
    'electron/host/HostServer.ts',
    'renderer/src/app/App.tsx',
    'renderer/index.html',
    'shared/contract/index.ts',
    'e2e/reading.spec.ts',
    'scripts/test.mjs',
    'tools/electronegativity/allowlist.json',
    'docs/ARCHITECTURE.md',
    'electron-builder.config.ts',
    'vitest.config.ts',
    'out/main/index.js.map',
    '.env',
  ])('leaves the source or test file %s out', (path) => {
    expect(isPackaged(path)).toBe(false);
  });

  it('builds installers for every desktop: AppImage and deb, a signed-ready dmg, NSIS', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac).toMatchObject({ target: 'dmg', hardenedRuntime: true });
    expect(config.win?.target).toBe('nsis');
  });
});
