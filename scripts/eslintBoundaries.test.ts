import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The dependency direction of docs/ARCHITECTURE.md is kept by eslint.config.js, not by memory.
// Each case lints a one-line probe as if it were a file at that path: a forbidden import must be
// reported by no-restricted-imports, an allowed one must pass. The probes never touch the disk.

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: projectRoot });

async function restrictedImportsIn(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const probe = value;\n`, {
    filePath,
  });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

const forbidden: Array<[file: string, source: string]> = [
  // Services are plain classes over injected ports: the disk, the network and processes are
  // adapters' business, and UI code has no place in the backend.
  ['electron/services/feeds/Probe.ts', "import value from 'node:fs';"],
  ['electron/services/feeds/Probe.ts', "import value from 'node:fs/promises';"],
  ['electron/services/feeds/Probe.ts', "import value from 'fs';"],
  ['electron/services/feeds/Probe.ts', "import value from 'node:net';"],
  ['electron/services/feeds/Probe.ts', "import value from 'node:http';"],
  ['electron/services/feeds/Probe.ts', "import value from 'node:child_process';"],
  ['electron/services/feeds/Probe.ts', "import value from 'react';"],
  ['electron/services/feeds/Probe.ts', "import value from '../../../renderer/src/app/App';"],
  ['electron/services/feeds/Probe.ts', "import value from '../../adapters/feeds/RssFeedParser';"],
  ['electron/services/feeds/Probe.ts', "import value from 'electron';"],
  // Main and the other backend folders never reach into the window's code or its libraries.
  ['electron/main/Probe.ts', "import value from 'react';"],
  ['electron/main/Probe.ts', "import value from 'react-dom/client';"],
  ['electron/main/Probe.ts', "import value from '../../renderer/src/app/App';"],
  ['electron/main/windows/Probe.ts', "import value from 'dompurify';"],
  ['electron/adapters/feeds/Probe.ts', "import value from 'react';"],
  ['electron/adapters/feeds/Probe.ts', "import value from 'electron';"],
  ['electron/host/Probe.ts', "import value from '../../renderer/src/ipc/api';"],
  ['electron/preload/Probe.ts', "import value from 'react';"],
  ['electron/preload/Probe.ts', "import value from 'node:fs';"],
  ['electron/host/Probe.test.ts', "import value from 'react';"],
  // The renderer is untrusted web content: no Node, no Electron, no backend code.
  ['renderer/src/features/library/Probe.ts', "import value from 'node:fs';"],
  ['renderer/src/features/library/Probe.ts', "import value from 'electron';"],
  ['renderer/src/features/library/Probe.ts', "import value from 'lowdb';"],
  [
    'renderer/src/features/library/Probe.ts',
    "import value from '../../../../electron/services/feeds/FeedMainService';",
  ],
  // shared/ is plain data and functions used by both sides.
  ['shared/domain/feeds/Probe.ts', "import value from 'node:path';"],
  ['shared/domain/feeds/Probe.ts', "import value from 'react';"],
  ['shared/domain/feeds/Probe.ts', "import value from '../../../electron/main/composeBackend';"],
  ['shared/domain/feeds/Probe.ts', "import value from '../../../renderer/src/ipc/api';"],
];

const allowed: Array<[file: string, source: string]> = [
  // Hashing and ids are computation, not I/O.
  ['electron/services/feeds/Probe.ts', "import value from 'node:crypto';"],
  ['electron/services/feeds/Probe.ts', "import value from '@shared/contract';"],
  ['electron/adapters/feeds/Probe.ts', "import value from 'node:fs/promises';"],
  ['electron/main/Probe.ts', "import value from 'electron';"],
  ['electron/preload/Probe.ts', "import value from 'electron';"],
  ['renderer/src/features/library/Probe.ts', "import value from 'react';"],
  ['renderer/src/features/library/Probe.ts', "import value from '@shared/contract';"],
  // Service tests wire real adapters around the service they test.
  [
    'electron/services/feeds/Probe.test.ts',
    "import value from '../../adapters/feeds/RssFeedParser';",
  ],
  ['electron/services/feeds/Probe.test.ts', "import value from 'node:fs/promises';"],
  // Wiring tests drive the renderer's own HTTP transport against the real host.
  [
    'electron/host/Probe.test.ts',
    "import value from '../../renderer/src/ipc/createHttpTransport';",
  ],
];

describe('lint boundaries', () => {
  it.each(forbidden)('%s may not %s', async (file, source) => {
    expect(await restrictedImportsIn(file, source)).not.toEqual([]);
  });

  it.each(allowed)('%s may %s', async (file, source) => {
    expect(await restrictedImportsIn(file, source)).toEqual([]);
  });
});
