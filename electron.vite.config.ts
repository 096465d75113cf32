import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicyPlugin } from './electron/main/windows/contentSecurityPolicyPlugin';

const sharedAlias = { '@shared': resolve(__dirname, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias: sharedAlias },
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        // The host is a second main-side entry so plain `node out/main/host.js` runs the same
        // services without Electron (see docs/ARCHITECTURE.md, "two transports").
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          host: resolve(__dirname, 'electron/host/index.ts'),
          // Started by WorkerFeedParser as out/main/feedParserWorker.js, beside the bundle.
          feedParserWorker: resolve(__dirname, 'electron/adapters/feeds/feedParserWorker.ts'),
          // Started by WorkerSearchIndex as out/main/searchIndexWorker.js, beside the bundle.
          searchIndexWorker: resolve(__dirname, 'electron/adapters/search/searchIndexWorker.ts'),
          // Started by PdfTextExtractor as out/main/pdfTextWorker.js, beside the bundle.
          pdfTextWorker: resolve(__dirname, 'electron/adapters/pdf/pdfTextWorker.ts'),
          // Started by ThreadedCitationFileReader for large BibTeX/RIS files.
          citationFileWorker: resolve(__dirname, 'electron/adapters/papers/citationFileWorker.ts'),
        },
        // Shared chunks sit beside the entries (not in chunks/), so code in any of them finds
        // the worker at `./feedParserWorker.js` relative to its own import.meta.url.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    resolve: { alias: sharedAlias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot `require` from node_modules, so everything (zod included) is
      // bundled into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias: sharedAlias },
    // The CSP plugin writes the policy from electron/main/windows/contentSecurityPolicy.ts into
    // index.html, so the page, the host's header and the tests share one definition.
    plugins: [react(), contentSecurityPolicyPlugin()],
    build: {
      outDir: 'out/renderer',
      // The host serves this bundle over HTTP too (a ward PC, a meeting-room server): ship it small.
      minify: true,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
  },
});
