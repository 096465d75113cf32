// Packaging for the desktop app: `electron-vite build && electron-builder --config
// electron-builder.config.ts`. electron-builder.config.test.ts checks it with electron-builder's own
// loader, schema and file matcher, since packaging itself needs Electron's binary.
import type { Configuration } from 'electron-builder';

const config: Configuration = {
  appId: 'org.rounds.desktop',
  productName: 'Rounds',
  directories: { output: 'dist', buildResources: 'build' },
  // Only what runs: the bundles electron-vite built and the bundled resources. package.json and the
  // production node_modules are added by electron-builder itself.
  files: ['out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*', 'resources/**/*', '!**/*.map'],
  asar: true,
  // The search worker reads SQLite's WebAssembly binary from disk next to its loader; keep it a
  // real file rather than trusting every worker-thread read to go through Electron's asar layer.
  asarUnpack: ['node_modules/node-sqlite3-wasm/dist/**'],
  // No native modules: nothing to rebuild for Electron's Node.
  npmRebuild: false,
  // Fuses are flipped in the Electron binary itself, so an environment variable or a command-line
  // flag cannot turn an installed Rounds back into a general-purpose Node runtime.
  electronFuses: {
    // ELECTRON_RUN_AS_NODE=1 would run any script with the app's identity (and its signature).
    runAsNode: false,
    enableCookieEncryption: true,
    // NODE_OPTIONS and --inspect would let anyone who can start the app inject code or a debugger.
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // Together: only the signed app.asar is loaded, and only if its content is unchanged.
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    // The renderer is served from app://rounds/, so file:// pages need no extra powers.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: { target: ['AppImage', 'deb'], category: 'Education' },
  mac: { target: 'dmg', hardenedRuntime: true, category: 'public.app-category.medical' },
  win: { target: 'nsis' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  // Releases are published deliberately, never as a side effect of a build on CI.
  publish: null,
};

export default config;
